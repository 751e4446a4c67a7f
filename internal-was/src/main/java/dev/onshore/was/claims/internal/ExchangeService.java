package dev.onshore.was.claims.internal;

import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductDetail;
import dev.onshore.was.catalog.ProductVariants;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.claims.ExchangeClaims;
import dev.onshore.was.claims.ReplacementRefusedException;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.orders.ClaimGrounds;
import dev.onshore.was.orders.OrderDesk;
import dev.onshore.was.orders.OrderManagement;
import dev.onshore.was.orders.UnknownOrderException;
import dev.onshore.was.orders.OrderExchange;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.Shipment;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each move changes the order through the order desk (its state check, timeline step and audit row) and the stock
 * through the inventory's API in the same transaction: a refusal of either rolls both back. The replacement's units
 * are held under {@code EX-<order number>} and committed at once, so that no sweeper gives them back.
 */
@Service
@Transactional
class ExchangeService implements ExchangeClaims {

    private final OrderDesk desk;
    private final OrderManagement orders;
    private final Stock stock;
    private final ProductVariants variants;
    private final ProductCatalog catalog;
    private final Clock clock;

    ExchangeService(OrderDesk desk, OrderManagement orders, Stock stock, ProductVariants variants,
            ProductCatalog catalog, Clock clock) {
        this.desk = desk;
        this.orders = orders;
        this.stock = stock;
        this.variants = variants;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Outside a transaction for the reason {@link #request} gives; the order is checked first, then the replacement
     * (catalog and stock reads), then the order's move checks it all again under its lock.
     */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public OrderView requestForShopper(String number, String sku, String replacementSku, int quantity,
            ClaimGrounds grounds, Runnable inTransaction) {
        var order = orders.find(number).orElseThrow(() -> new UnknownOrderException(number));
        orders.checkExchange(number, sku, quantity);
        var replacement = replacementSku.strip().toUpperCase(java.util.Locale.ROOT);
        var family = family(sku);
        if (!family.contains(replacement)) {
            throw new ReplacementRefusedException(replacement, ReplacementRefusedException.Reason.OTHER_PRODUCT);
        }
        var offered = replacements(family, order.market(), "en").stream()
                .filter(candidate -> candidate.sku().equals(replacement)).findFirst().orElse(null);
        if (offered == null) {
            throw new ReplacementRefusedException(replacement, ReplacementRefusedException.Reason.NOT_SOLD);
        }
        if (!offered.available() || stock.available(replacement) < quantity) {
            throw new ReplacementRefusedException(replacement, ReplacementRefusedException.Reason.OUT_OF_STOCK);
        }
        return orders.requestExchange(number, sku, replacement, quantity, grounds, inTransaction);
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<Replacement> replacements(String sku, String market, String language) {
        return replacements(family(sku), market, language);
    }

    /**
     * The family's members the market sells, in the catalog's order: a variant with no price there (discontinued, or
     * its rate stale) is left out; one sold out, or without a unit in stock, is there but not available.
     */
    private List<Replacement> replacements(Family family, String market, String language) {
        var product = family.product();
        if (product == null) {
            return List.of();
        }
        ProductDetail detail;
        try {
            detail = catalog.findForShopper(product, market, language).orElse(null);
        } catch (RuntimeException unknownProduct) {
            detail = null;
        }
        if (detail == null) {
            return List.of();
        }
        if (detail.variants().isEmpty()) {
            return List.of(new Replacement(detail.sku(), detail.name(),
                    detail.availability() == Availability.IN_STOCK && stock.available(detail.sku()) > 0));
        }
        var sold = detail.variants().stream().filter(variant -> variant.price() != null
                && variant.availability() != Availability.DISCONTINUED).toList();
        var units = stock.available(sold.stream().map(variant -> variant.sku()).toList());
        return sold.stream().map(variant -> new Replacement(variant.sku(), variant.label(),
                variant.buyable() && units.getOrDefault(variant.sku(), 0) > 0)).toList();
    }

    /**
     * Outside a transaction of its own: looking up a SKU that is no product fails the catalog's read, which must not
     * doom the request's transaction; the desk's move is one transaction with its audit row.
     */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public OrderView request(String number, String sku, String replacementSku, int quantity, String by) {
        var replacement = replacementSku.strip().toUpperCase(java.util.Locale.ROOT);
        if (!family(sku).contains(replacement)) {
            throw new IllegalArgumentException("replacementSku");
        }
        return desk.requestExchange(number, sku, replacement, quantity, by);
    }

    @Override
    public OrderView approve(String number, String by) {
        var order = desk.approveExchange(number, by);
        var exchange = Objects.requireNonNull(order.exchange());
        var reference = reference(number);
        stock.reserve(reference, Map.of(exchange.replacementSku(), exchange.quantity()),
                clock.instant().plus(Duration.ofDays(1)));
        stock.commit(reference);
        return order;
    }

    @Override
    public OrderView receive(String number, String by) {
        var order = desk.receiveExchange(number, by);
        OrderExchange exchange = Objects.requireNonNull(order.exchange());
        stock.putBack(exchange.sku(), exchange.quantity());
        return order;
    }

    @Override
    public OrderView ship(String number, Shipment shipment, String by) {
        return desk.shipExchange(number, shipment, by);
    }

    static String reference(String number) {
        return "EX-" + number;
    }

    /**
     * The SKU and its siblings, and the product they belong to (null when the SKU is no product's).
     *
     * @param skus the SKU itself always among them
     */
    private record Family(@Nullable Sku product, Set<String> skus) {

        boolean contains(String sku) {
            return skus.contains(sku);
        }
    }

    /**
     * A variant's SKU is its product's SKU, a dash and the variant's suffix, so the product is the longest prefix that
     * has the suffix among its variants.
     */
    private Family family(String sku) {
        var family = new HashSet<String>();
        family.add(sku);
        for (int dash = sku.lastIndexOf('-'); dash > 0; dash = sku.lastIndexOf('-', dash - 1)) {
            var parent = Sku.parseOrNull(sku.substring(0, dash));
            if (parent == null) {
                continue;
            }
            ProductVariants.Definition definition;
            try {
                definition = variants.variants(parent);
            } catch (RuntimeException unknownProduct) {
                continue;
            }
            var suffix = sku.substring(dash + 1);
            if (definition.variants().stream().anyMatch(variant -> variant.suffix().equals(suffix))) {
                definition.variants().forEach(variant -> family.add(parent.value() + "-" + variant.suffix()));
                return new Family(parent, family);
            }
        }
        // A product with variants whose line was the product's own SKU, or one without variants.
        var self = Sku.parseOrNull(sku);
        if (self != null) {
            try {
                variants.variants(self).variants().forEach(variant -> family.add(sku + "-" + variant.suffix()));
            } catch (RuntimeException unknownProduct) {
                return new Family(null, family); // no product of that SKU any more: only the same SKU
            }
        }
        return new Family(self, family);
    }
}
