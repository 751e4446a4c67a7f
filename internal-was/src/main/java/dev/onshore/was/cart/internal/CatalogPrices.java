package dev.onshore.was.cart.internal;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.cart.InvalidCartLineException;
import dev.onshore.was.catalog.Availability;
import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.Sku;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What one unit of a SKU costs a shopper of a market now, asked of the catalog (the price its pages show). A SKU is
 * a product without variants or one variant of a product (the product's SKU plus {@code -suffix}).
 */
@Component
class CatalogPrices {

    private final ProductCatalog catalog;

    CatalogPrices(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** The offer, or the {@link InvalidCartLineException} code saying why there is none. */
    Offer offer(String candidate, String market, String language) {
        var sku = Sku.parseOrNull(candidate);
        if (sku == null) {
            return Offer.refused(candidate, InvalidCartLineException.UNKNOWN_SKU);
        }
        var product = catalog.findForShopper(sku, market, language).orElse(null);
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
        var dash = sku.value().lastIndexOf('-');
        var parent = dash > 0 ? Sku.parseOrNull(sku.value().substring(0, dash)) : null;
        if (parent == null) {
            return Offer.refused(sku.value(), InvalidCartLineException.UNKNOWN_SKU);
        }
        var suffix = sku.value().substring(dash + 1);
        var withVariant = catalog.findForShopper(parent, market, language, suffix).orElse(null);
        if (withVariant == null) {
            return Offer.refused(sku.value(), InvalidCartLineException.UNKNOWN_SKU);
        }
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
