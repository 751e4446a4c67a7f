package dev.onshore.was.cart.internal;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.cart.InvalidCartLineException;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.ProductDetail;
import dev.onshore.was.catalog.CatalogCopies;
import dev.onshore.was.catalog.CatalogViewsChanged;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What one unit of a SKU costs a shopper of a market now, asked of the catalog (the price its pages show). A SKU is
 * a product without variants or one variant of a product (the product's SKU plus {@code -suffix}).
 *
 * <p>Two readings. {@link #offers} asks the catalog: what a cart read, a quote and an order are priced with.
 * {@link #current} answers from this node's copy of the offers it asked for in the last seconds, for the answers to
 * cart changes (add, change, remove a line), which a busy shop makes most of: loading every line's product again for
 * each of them was most of their cost. The copy follows the catalog as the rendered pages do: never kept past
 * {@link #MAX_AGE} or the catalog's next scheduled change (a sale starting or ending), and dropped on this node's
 * {@link CatalogViewsChanged} (any change of a product on any node: texts, offers, prices, availability, exchange
 * rates); an offer read while a change was landing carries the generation it started with and is not kept after the
 * bump. Stock is never copied, and checkout prices the cart again from the catalog.
 */
@Component
class CatalogPrices {

    /** How long this node answers cart changes from its copy of an offer without asking the catalog again. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Key(String sku, String market, String language) {
    }

    private final ProductCatalog catalog;
    private final CatalogCopies<Key, Offer> copies;

    CatalogPrices(ProductCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.copies = CatalogCopies.<Key, Offer>of(catalog, clock, 20_000).build();
    }

    @EventListener
    void on(CatalogViewsChanged event) {
        copies.invalidate();
    }

    /**
     * {@link #offers} from this node's copy where it has a current one, asking the catalog (once, for all of them)
     * for the others.
     */
    Map<String, Offer> current(Collection<String> candidates, String market, String language) {
        var started = copies.generation();
        var found = new HashMap<String, Offer>();
        var missing = new ArrayList<String>();
        for (var candidate : candidates) {
            var copy = copies.current(new Key(candidate, market, language));
            if (copy != null) {
                found.put(candidate, copy);
            } else {
                missing.add(candidate);
            }
        }
        if (!missing.isEmpty()) {
            var until = copies.until(started, MAX_AGE);
            var asked = offers(missing, market, language);
            asked.forEach((candidate, offer) -> copies.keep(new Key(candidate, market, language), offer, started,
                    until));
            found.putAll(asked);
        }
        return found;
    }

    /** The offer, or the {@link InvalidCartLineException} code saying why there is none. */
    Offer offer(String candidate, String market, String language) {
        return offers(List.of(candidate), market, language).get(candidate);
    }

    /**
     * {@link #offer} of every candidate (a cart's lines), keyed by the candidate as given, asking the catalog once
     * for all of them and their parent products: a cart of ten lines costs a few queries, not ten product loads.
     */
    Map<String, Offer> offers(Collection<String> candidates, String market, String language) {
        var wanted = new LinkedHashSet<Sku>();
        for (var candidate : candidates) {
            var sku = Sku.parseOrNull(candidate);
            if (sku != null) {
                wanted.add(sku);
                var parent = parent(sku);
                if (parent != null) {
                    wanted.add(parent);
                }
            }
        }
        var details = catalog.findAllForShopper(wanted, market, language);
        var offers = new HashMap<String, Offer>();
        for (var candidate : candidates) {
            offers.put(candidate, offer(candidate, details));
        }
        return offers;
    }

    private static @Nullable Sku parent(Sku sku) {
        var dash = sku.value().lastIndexOf('-');
        return dash > 0 ? Sku.parseOrNull(sku.value().substring(0, dash)) : null;
    }

    private static Offer offer(String candidate, Map<String, ProductDetail> details) {
        var sku = Sku.parseOrNull(candidate);
        if (sku == null) {
            return Offer.refused(candidate, InvalidCartLineException.UNKNOWN_SKU);
        }
        var product = details.get(sku.value());
        if (product != null) {
            if (!product.variants().isEmpty()) {
                return Offer.refused(sku.value(), InvalidCartLineException.VARIANT_REQUIRED);
            }
            if (product.availability() != Availability.IN_STOCK) {
                return Offer.refused(sku.value(), InvalidCartLineException.NOT_SELLABLE);
            }
            return new Offer(sku.value(), product.name(), Optional.of(Money.of(product.price(), product.currency())),
                    product.maxPerOrder(), null);
        }
        var parent = parent(sku);
        var withVariant = parent == null ? null : details.get(parent.value());
        if (withVariant == null) {
            return Offer.refused(sku.value(), InvalidCartLineException.UNKNOWN_SKU);
        }
        // Every variant carries its own price and availability whichever one the detail selected.
        var variant = withVariant.variants().stream().filter(candidateVariant -> candidateVariant.sku()
                .equalsIgnoreCase(sku.value())).findFirst().orElse(null);
        if (variant == null) {
            return Offer.refused(sku.value(), InvalidCartLineException.UNKNOWN_SKU);
        }
        if (!variant.buyable() || variant.price() == null) {
            return Offer.refused(sku.value(), InvalidCartLineException.NOT_SELLABLE);
        }
        return new Offer(variant.sku(), withVariant.name() + " – " + variant.label(),
                Optional.of(Money.of(variant.price(), withVariant.currency())), withVariant.maxPerOrder(), null);
    }

    /** A SKU's offer: its name and price, or the reason it cannot be bought ({@code problem}). */
    record Offer(String sku, String name, Optional<Money> price, int maxPerOrder,
            @org.jspecify.annotations.Nullable String problem) {

        static Offer refused(String sku, String problem) {
            return new Offer(sku, sku, Optional.empty(), 0, problem);
        }
    }
}
