package dev.onshore.was.shopapi;

import dev.onshore.i18n.money.Money;
import dev.onshore.was.catalog.CategoryView;
import dev.onshore.was.catalog.ProductDetail;
import dev.onshore.was.catalog.ProductSearch;
import dev.onshore.was.catalog.ProductView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the catalogue endpoints answer: the store API's JSON, decoupled from the catalog's Java types. */
final class CatalogueJson {

    private CatalogueJson() {
    }

    @Schema(description = "Whom the answer is for, as resolved from the parameters, headers and the gateway.")
    record Context(@Schema(example = "MY") String market, @Schema(example = "ms-MY") String locale,
            @Schema(example = "MYR") String currency) {

        static Context of(ShopContext context) {
            return new Context(context.market(), context.locale().toLanguageTag(),
                    context.currency().getCurrencyCode());
        }
    }

    @Schema(description = "An amount in the market's currency.")
    record Price(@Schema(description = "Decimal string with the currency's digits (never a float)",
            example = "89.90") String amount, @Schema(example = "MYR") String currency,
            @Schema(description = "For display in the answer's locale", example = "RM89.90") String formatted) {

        static @Nullable Price of(@Nullable BigDecimal amount, @Nullable Currency currency, ShopContext context) {
            if (amount == null || currency == null) {
                return null;
            }
            var money = Money.of(amount, currency).rounded();
            return new Price(money.amount().toPlainString(), currency.getCurrencyCode(),
                    money.format(context.locale()));
        }
    }

    record Market(@Schema(example = "MY") String country, @Schema(description = "In the answer's language")
            String name, String currency, String defaultLocale, List<String> locales, String timeZone,
            @Schema(description = "INCLUSIVE or EXCLUSIVE: whether shelf prices include tax") String taxDisplay) {

        static Market of(dev.onshore.i18n.market.Market market, ShopContext context) {
            return new Market(market.country(), java.util.Locale.of("", market.country())
                    .getDisplayCountry(context.locale()), market.currency().getCurrencyCode(),
                    market.defaultLocale().toLanguageTag(),
                    market.supportedLocales().stream().map(java.util.Locale::toLanguageTag).toList(),
                    market.zone().getId(), market.taxDisplay().name());
        }
    }

    record Markets(Context context, List<Market> markets) {
    }

    record Category(@Schema(example = "health.vitamins") String code, @Nullable String parentCode, int depth,
            String name, List<Category> children) {

        static Category of(CategoryView view) {
            return new Category(view.code(), view.parentCode(), view.depth(), view.name(),
                    view.children().stream().map(Category::of).toList());
        }
    }

    record Categories(Context context, List<Category> categories) {
    }

    record Crumb(String code, String name) {
    }

    record CategoryPage(Context context, Category category,
            @Schema(description = "From the top category down to this one") List<Crumb> path) {
    }

    record ProductCard(String sku, @Schema(description = "The brand's name, as the brand filter takes it") String brand,
            @Schema(description = "The brand's name in the requested language (else English, else brand)")
            String brandName, String name, String summary,
            @Schema(description = "Language of the texts (English when the requested one is missing)")
            String language, Price price) {

        static ProductCard of(ProductView view, ShopContext context, Map<String, String> brandNames) {
            return new ProductCard(view.sku(), view.brand(), brandNames.getOrDefault(view.brand(), view.brand()),
                    view.name(), view.summary(), view.language(), Price.of(view.price(), view.currency(), context));
        }
    }

    record Facet(@Schema(description = "What the filter takes") String value,
            @Schema(description = "What to show: a brand's name in the requested language, else the value")
            String label, long count) {
    }

    record Facets(List<Facet> brands, List<Facet> categories,
            @Schema(description = "Keys like 0-100000, in the market's currency") List<Facet> priceRanges) {
    }

    record ProductPage(Context context, List<ProductCard> items, long total,
            @Schema(description = "1-based") int page, int pages, Facets facets) {

        static ProductPage of(ProductSearch.Page page, ShopContext context, Map<String, String> brandNames) {
            return new ProductPage(Context.of(context),
                    page.hits().stream().map(hit -> ProductCard.of(hit, context, brandNames)).toList(),
                    page.total(), page.page(), page.pages(), new Facets(facets(page.brands(), brandNames),
                            facets(page.categories(), Map.of()), facets(page.priceRanges(), Map.of())));
        }

        private static List<Facet> facets(List<ProductSearch.FacetValue> values, Map<String, String> labels) {
            return values.stream().map(value -> new Facet(value.value(),
                    labels.getOrDefault(value.value(), value.value()), value.count())).toList();
        }
    }

    record Image(@Schema(description = "Path of the image, cacheable for a year") String url, String alt,
            int width, int height) {
    }

    record Variant(@Schema(example = "60") String suffix, String sku, String label,
            @Schema(description = "Null when it cannot be bought in this market") @Nullable Price price,
            @Schema(description = "IN_STOCK, OUT_OF_STOCK or DISCONTINUED") String availability,
            boolean buyable, boolean selected) {
    }

    record Product(Context context, String sku, String brand,
            @Schema(description = "The brand's name in the requested language (else English, else brand)")
            String brandName, String name, String summary, String language,
            @Schema(description = "Sanitized HTML") @Nullable String descriptionHtml, @Nullable String ingredients,
            @Nullable String usage, @Nullable String warnings, Price listPrice,
            @Schema(description = "What the shopper pays now: the sale price during a sale") Price price,
            boolean onSale, @Nullable Instant saleEndsAt, int maxPerOrder,
            @Schema(description = "IN_STOCK, OUT_OF_STOCK or DISCONTINUED") String availability,
            List<Crumb> categoryPath,
            @Schema(description = "The market's regulatory attributes (e.g. a BPOM number), to be shown")
            Map<String, String> regulatory, List<Image> images, @Nullable String optionLabel,
            List<Variant> variants) {

        static Product of(ProductDetail detail, ShopContext context, String brandName) {
            return new Product(Context.of(context), detail.sku(), detail.brand(), brandName, detail.name(),
                    detail.summary(),
                    detail.language(), detail.descriptionHtml(), detail.ingredients(), detail.usage(),
                    detail.warnings(), Price.of(detail.listPrice(), detail.currency(), context),
                    Price.of(detail.price(), detail.currency(), context), detail.onSale(), detail.saleEndsAt(),
                    detail.maxPerOrder(), detail.availability().name(),
                    detail.categoryPath().stream().map(c -> new Crumb(c.code(), c.name())).toList(),
                    detail.regulatory(), detail.images().stream()
                            .map(i -> new Image(i.url(), i.alt(), i.width(), i.height())).toList(),
                    detail.optionLabel(), detail.variants().stream().map(v -> new Variant(v.suffix(), v.sku(),
                            v.label(), Price.of(v.price(), detail.currency(), context), v.availability().name(),
                            v.buyable(), v.selected())).toList());
        }
    }
}
