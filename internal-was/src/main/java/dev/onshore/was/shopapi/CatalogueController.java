package dev.onshore.was.shopapi;

import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductSearch;
import dev.onshore.was.catalog.Sku;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The store API's catalogue: markets, categories, product lists with filters, search and product detail, for one
 * market and language ({@link ShopContext}). Every answer is cacheable ({@link CatalogueAnswers}). Parameters are
 * taken as text and checked here, so that a malformed one is the same {@code invalid-parameter} problem whatever
 * its type.
 */
@RestController
@RequestMapping(path = "/api/shop/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalogue", description = "Markets, categories, products and search; cacheable, anonymous")
@ApiResponse(responseCode = "200", description = "The answer", headers = {
        @Header(name = "ETag", description = "Strong validator of this answer: send it back in If-None-Match",
                schema = @Schema(type = "string")),
        @Header(name = "Cache-Control", description = "public, max-age=<seconds>", schema = @Schema(type = "string")),
        @Header(name = "Vary", schema = @Schema(type = "string"))})
@ApiResponse(responseCode = "304", description = "Not modified: If-None-Match holds the current ETag; no body",
        content = @Content)
class CatalogueController {

    /** Control and format characters (bidi marks and overrides, zero-width joiners): never part of a search. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]+");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,4})?");
    private static final Pattern PAGE = Pattern.compile("[0-9]{1,3}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,119}");
    private static final Pattern VARIANT = Pattern.compile("[A-Z0-9]{1,12}");
    private static final int MAX_PAGE = 100;
    private static final int MAX_BRAND = 80;

    private final ProductCatalog catalog;
    private final ProductSearch search;
    private final ShopContexts contexts;
    private final CatalogueAnswers answers;
    private final dev.onshore.was.catalog.BrandFaces brands;

    CatalogueController(ProductCatalog catalog, ProductSearch search, ShopContexts contexts,
            CatalogueAnswers answers, dev.onshore.was.catalog.BrandFaces brands) {
        this.brands = brands;
        this.catalog = catalog;
        this.search = search;
        this.contexts = contexts;
        this.answers = answers;
    }

    @GetMapping("/markets")
    @Operation(summary = "The markets the shop sells to, with their currencies and locales")
    ResponseEntity<CatalogueJson.Markets> markets(ShopContext context) {
        return answers.cached(CatalogueAnswers.Key.of("markets", context), () -> new CatalogueJson.Markets(
                CatalogueJson.Context.of(context),
                contexts.markets().all().stream().map(market -> CatalogueJson.Market.of(market, context)).toList()));
    }

    @GetMapping("/categories")
    @Operation(summary = "The category tree, top level first")
    ResponseEntity<CatalogueJson.Categories> categories(ShopContext context) {
        return answers.cached(CatalogueAnswers.Key.of("categories", context), () -> new CatalogueJson.Categories(
                CatalogueJson.Context.of(context),
                catalog.categories(context.language()).stream().map(CatalogueJson.Category::of).toList()));
    }

    @GetMapping("/categories/{code}")
    @Operation(summary = "One category, its children and its path from the top")
    @ApiResponse(responseCode = "404", description = "No such category (problem type unknown-category)",
            content = @Content(mediaType = ShopApiConfiguration.PROBLEM_JSON,
                    schema = @Schema(ref = ShopApiConfiguration.PROBLEM_SCHEMA)))
    ResponseEntity<CatalogueJson.CategoryPage> category(ShopContext context,
            @PathVariable @Parameter(example = "health.vitamins") String code) {
        if (!CATEGORY.matcher(code).matches()) {
            throw new NotInCatalogueException("category");
        }
        return answers.cached(CatalogueAnswers.Key.of("category", context, code), () -> {
            var category = catalog.category(code, context.language())
                    .orElseThrow(() -> new NotInCatalogueException("category"));
            return new CatalogueJson.CategoryPage(CatalogueJson.Context.of(context),
                    CatalogueJson.Category.of(category), catalog.categoryPath(category.code(), context.language())
                            .stream().map(c -> new CatalogueJson.Crumb(c.code(), c.name())).toList());
        });
    }

    @GetMapping("/products")
    @Operation(summary = "Products the market sells, filtered, sorted and paged, with facets")
    ResponseEntity<CatalogueJson.ProductPage> products(ShopContext context,
            @RequestParam(required = false) @Parameter(description = "A category code: products in it or below it")
            @Nullable String category,
            @RequestParam(required = false) @Parameter(description = "A brand name, as in the brands facet")
            @Nullable String brand,
            @RequestParam(required = false) @Parameter(description = "Lowest price, in the market's currency",
                    schema = @Schema(type = "string", pattern = "^[0-9]{1,12}(\\.[0-9]{1,4})?$"))
            @Nullable String minPrice,
            @RequestParam(required = false) @Parameter(description = "Highest price, in the market's currency",
                    schema = @Schema(type = "string", pattern = "^[0-9]{1,12}(\\.[0-9]{1,4})?$"))
            @Nullable String maxPrice,
            @RequestParam(required = false) @Parameter(schema = @Schema(type = "string",
                    allowableValues = {"RELEVANCE", "PRICE_ASC", "PRICE_DESC", "NEWEST"}, defaultValue = "RELEVANCE"))
            @Nullable String sort,
            @RequestParam(required = false) @Parameter(schema = @Schema(type = "integer", minimum = "1",
                    maximum = "100", defaultValue = "1")) @Nullable String page) {
        var request = request(context, "", category, brand, minPrice, maxPrice, sort, page);
        return answers.cached(key("products", request, context),
                () -> CatalogueJson.ProductPage.of(search.search(request), context,
                        brands.displayNames(context.language())));
    }

    @GetMapping("/search")
    @Operation(summary = "Full-text search in the market's products, in the answer's language, with the filters of "
            + "/products")
    ResponseEntity<CatalogueJson.ProductPage> search(ShopContext context,
            @RequestParam(required = false) @Parameter(required = true, description = "What the shopper typed",
                    schema = @Schema(type = "string", minLength = 1, maxLength = ProductSearch.MAX_QUERY_LENGTH))
            @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String brand,
            @RequestParam(required = false) @Parameter(schema = @Schema(type = "string",
                    pattern = "^[0-9]{1,12}(\\.[0-9]{1,4})?$")) @Nullable String minPrice,
            @RequestParam(required = false) @Parameter(schema = @Schema(type = "string",
                    pattern = "^[0-9]{1,12}(\\.[0-9]{1,4})?$")) @Nullable String maxPrice,
            @RequestParam(required = false) @Parameter(schema = @Schema(type = "string",
                    allowableValues = {"RELEVANCE", "PRICE_ASC", "PRICE_DESC", "NEWEST"}, defaultValue = "RELEVANCE"))
            @Nullable String sort,
            @RequestParam(required = false) @Parameter(schema = @Schema(type = "integer", minimum = "1",
                    maximum = "100", defaultValue = "1")) @Nullable String page) {
        var text = q == null ? "" : INVISIBLE.matcher(q).replaceAll(" ").strip();
        if (text.isEmpty()) {
            throw new InvalidParameterException("q", "required");
        }
        if (text.length() > ProductSearch.MAX_QUERY_LENGTH) {
            throw new InvalidParameterException("q", "too-long");
        }
        var request = request(context, text, category, brand, minPrice, maxPrice, sort, page);
        return answers.cached(key("search", request, context),
                () -> CatalogueJson.ProductPage.of(search.search(request), context,
                        brands.displayNames(context.language())));
    }

    @GetMapping("/products/{sku}")
    @Operation(summary = "A product as the market sells it, with its variants, images and regulatory data")
    @ApiResponse(responseCode = "404", description = "No such product in this market: unknown, or not sold there "
            + "(problem type unknown-product)", content = @Content(mediaType = ShopApiConfiguration.PROBLEM_JSON,
                    schema = @Schema(ref = ShopApiConfiguration.PROBLEM_SCHEMA)))
    ResponseEntity<CatalogueJson.Product> product(ShopContext context,
            @PathVariable @Parameter(example = "HS-VITC-1000") String sku,
            @RequestParam(required = false) @Parameter(description = "The variant to select (its suffix); an "
                    + "unknown or unbuyable one selects the first buyable variant",
                    schema = @Schema(type = "string", pattern = "^[A-Z0-9]{1,12}$")) @Nullable String variant) {
        if (variant != null && !VARIANT.matcher(variant).matches()) {
            throw new InvalidParameterException("variant", "malformed");
        }
        var parsed = Sku.parseOrNull(sku);
        if (parsed == null) {
            throw new NotInCatalogueException("product");
        }
        return answers.cached(CatalogueAnswers.Key.of("product", context, parsed.value(), variant), () -> {
            var detail = catalog.findForShopper(parsed, context.market(), context.language(), variant)
                    .orElseThrow(() -> new NotInCatalogueException("product"));
            return CatalogueJson.Product.of(detail, context,
                    brands.face(detail.brand(), context.language()).displayName());
        });
    }

    /** The answer's key: the search as the catalog is asked it (parameters checked and normalized). */
    private static CatalogueAnswers.Key key(String endpoint, ProductSearch.Request request, ShopContext context) {
        return CatalogueAnswers.Key.of(endpoint, context, request.text(), request.category(), request.brand(),
                request.minPrice() == null ? null : request.minPrice().toPlainString(),
                request.maxPrice() == null ? null : request.maxPrice().toPlainString(), request.sort().name(),
                Integer.toString(request.page()));
    }

    private static ProductSearch.Request request(ShopContext context, String text, @Nullable String category,
            @Nullable String brand, @Nullable String minPrice, @Nullable String maxPrice, @Nullable String sort,
            @Nullable String page) {
        if (category != null && !CATEGORY.matcher(category).matches()) {
            throw new InvalidParameterException("category", "malformed");
        }
        if (brand != null && (brand.isBlank() || brand.length() > MAX_BRAND)) {
            throw new InvalidParameterException("brand", "malformed");
        }
        var min = amount("minPrice", minPrice);
        var max = amount("maxPrice", maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidParameterException("maxPrice", "below-min");
        }
        var order = ProductSearch.Sort.RELEVANCE;
        if (sort != null) {
            order = Arrays.stream(ProductSearch.Sort.values())
                    .filter(candidate -> candidate.name().equals(sort.toUpperCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new InvalidParameterException("sort", "not-one-of",
                            Arrays.stream(ProductSearch.Sort.values()).map(Enum::name).toList()));
        }
        int number = 1;
        if (page != null) {
            if (!PAGE.matcher(page).matches()) {
                throw new InvalidParameterException("page", "malformed");
            }
            number = Integer.parseInt(page);
            if (number < 1 || number > MAX_PAGE) {
                throw new InvalidParameterException("page", "out-of-range");
            }
        }
        return new ProductSearch.Request(context.market(), context.language(), text, category, brand, min, max,
                order, number);
    }

    private static @Nullable BigDecimal amount(String parameter, @Nullable String value) {
        if (value == null) {
            return null;
        }
        if (!AMOUNT.matcher(value).matches()) {
            throw new InvalidParameterException(parameter, "malformed");
        }
        return new BigDecimal(value);
    }
}
