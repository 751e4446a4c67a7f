package dev.onshore.was.claims.internal;

import dev.onshore.was.catalog.ProductVariants;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.claims.ExchangeClaims;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.orders.OrderDesk;
import dev.onshore.was.orders.OrderExchange;
import dev.onshore.was.orders.OrderView;
import dev.onshore.was.orders.Shipment;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    private final Stock stock;
    private final ProductVariants variants;
    private final Clock clock;

    ExchangeService(OrderDesk desk, Stock stock, ProductVariants variants, Clock clock) {
        this.desk = desk;
        this.stock = stock;
        this.variants = variants;
        this.clock = clock;
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
     * The SKU and its siblings: a variant's SKU is its product's SKU, a dash and the variant's suffix, so the product
     * is the longest prefix that has the suffix among its variants.
     */
    private Set<String> family(String sku) {
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
                return family;
            }
        }
        // A product with variants whose line was the product's own SKU.
        var self = Sku.parseOrNull(sku);
        if (self != null) {
            try {
                variants.variants(self).variants().forEach(variant -> family.add(sku + "-" + variant.suffix()));
            } catch (RuntimeException unknownProduct) {
                // no product of that SKU any more: only the same SKU
            }
        }
        return family;
    }
}
