package dev.onshore.admin.catalog;

import dev.onshore.admin.BackgroundImport;
import dev.onshore.admin.OperatorLanguage;
import dev.onshore.admin.WasFile;
import dev.onshore.admin.WasRefusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The internal WAS's catalogue admin API as the screens use it. Every call goes through the admin's
 * {@link RestClient}, which adds the service token and the operator's name, roles and address; a refusal is a
 * {@link org.springframework.web.client.RestClientResponseException} carrying the WAS's problem detail
 * (see {@link WasRefusal}).
 */
@Component
class CatalogApi {

    record ProductRow(String sku, String brand, String name, String status, @Nullable String category,
            List<String> markets, @Nullable String thumbnail, BigDecimal basePrice, String baseCurrency,
            Instant updatedAt) {
    }

    record ProductPage(List<ProductRow> items, int page, int size, long total) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    record Texts(String name, @Nullable String summary, @Nullable String description, @Nullable String ingredients,
            @Nullable String usage, @Nullable String warnings) {
    }

    record OfferView(String currency, String pricing, @Nullable BigDecimal listPrice, @Nullable BigDecimal salePrice,
            @Nullable Instant saleStartsAt, @Nullable Instant saleEndsAt, int maxPerOrder, String availability,
            @Nullable BigDecimal localPrice, boolean sellable) {
    }

    record RegulatoryView(Map<String, String> attributes, List<String> required, Map<String, String> problems) {
    }

    record ImageView(String url, String alt, int width, int height, Map<String, String> alts) {

        /** The media store's file name, the last part of the URL. */
        public String file() {
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }

    record LifecycleEntry(String from, String to, @Nullable String operator, @Nullable String note,
            Instant occurredAt) {
    }

    record ProductSheet(String sku, String brand, @Nullable String category, BigDecimal basePrice,
            String baseCurrency, String status, long version, @Nullable String submittedBy,
            @Nullable Instant submittedAt, @Nullable String approvedBy, @Nullable Instant approvedAt,
            Map<String, Texts> translations, Map<String, Integer> completeness, Map<String, OfferView> offers,
            Map<String, RegulatoryView> regulatory, List<ImageView> images, List<LifecycleEntry> lifecycle,
            Instant updatedAt) {
    }

    record Variant(String suffix, Map<String, String> labels, @Nullable BigDecimal priceDelta,
            Map<String, BigDecimal> ownPrices, String availability) {
    }

    record Variants(@Nullable String optionCode, Map<String, String> optionLabels, List<Variant> variants) {
    }

    record RowError(int row, String column, String code) {
    }

    record ImportStatus(String id, String fileName, String state, int totalRows, int processedRows,
            int savedRows, List<RowError> errors, String createdBy, Instant createdAt, @Nullable Instant finishedAt)
            implements BackgroundImport {
    }

    /**
     * A category of the tree as the WAS's admin API answers it.
     *
     * @param position its place among its siblings, from 1
     * @param products how many products are in the category itself
     */
    record CategoryNode(String code, @Nullable String parentCode, int depth, int position, long version,
            Map<String, String> names, long products, List<CategoryNode> children) {

        /** The last part of its code. */
        public String slug() {
            return code.substring(code.lastIndexOf('.') + 1);
        }
    }

    /**
     * A brand as the WAS's admin API answers it: the name products carry, with how many do.
     *
     * @param byStatus how many of its products are in each status; a status none is in is left out
     */
    record BrandSummary(String name, long products, long published, Map<String, Long> byStatus,
            @Nullable String logo, List<String> languages) {

        /**
         * @param logo the logo's media URL ({@code /media/<sha256>.png}), null when the brand has none
         * @param languages the languages the brand has a display name in; never null
         */
        BrandSummary {
            byStatus = byStatus == null ? Map.of() : byStatus;
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }

    /** What a rename did; {@code merged} when the new name was another brand's. */
    record BrandRenamed(String from, String to, long products, boolean merged) {
    }

    /** A brand's texts in one language; a description is never there without a display name. */
    record BrandText(@Nullable String displayName, @Nullable String description) {
    }

    /**
     * A brand's profile as the WAS's admin API answers it.
     *
     * @param version what a change of the texts names (409 stale-brand when it changed since)
     * @param logo the logo's media URL, null when the brand has none
     * @param texts by language; a language without texts is left out; never null
     */
    record BrandProfile(String name, long version, @Nullable String logo, Map<String, BrandText> texts) {

        BrandProfile {
            texts = texts == null ? Map.of() : texts;
        }
    }

    /** The 409 stale-brand problem's properties: the version the form was made on and the profile as it is now. */
    record StaleBrand(long editedVersion, long currentVersion, @Nullable BrandProfile current) {
    }

    private final RestClient http;

    CatalogApi(RestClient internalWasRestClient) {
        // The WAS answers refusals in the operator's language.
        this.http = internalWasRestClient.mutate().requestInterceptor(new OperatorLanguage()).build();
    }

    ProductPage search(@Nullable String q, @Nullable String status, @Nullable String category,
            @Nullable String brand, @Nullable String market, int page, int size, String language) {
        return Objects.requireNonNull(http.get().uri(uri -> {
            UriBuilder builder = uri.path("/api/admin/products").queryParam("page", page).queryParam("size", size)
                    .queryParam("language", language);
            param(builder, "q", q);
            param(builder, "status", status);
            param(builder, "category", category);
            param(builder, "brand", brand);
            param(builder, "market", market);
            return builder.build();
        }).retrieve().body(ProductPage.class));
    }

    private static void param(UriBuilder builder, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            builder.queryParam(name, value.strip());
        }
    }

    ProductSheet sheet(String sku, String language) {
        return Objects.requireNonNull(http.get().uri("/api/admin/products/{sku}?language={language}", sku, language)
                .retrieve().body(ProductSheet.class));
    }

    List<String> brands() {
        var all = http.get().uri("/api/admin/products").retrieve().body(Map[].class);
        return all == null ? List.of() : java.util.Arrays.stream(all).map(p -> String.valueOf(p.get("brand")))
                .distinct().sorted().toList();
    }

    ProductSheet create(Map<String, Object> product) {
        return Objects.requireNonNull(http.post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON)
                .body(product).retrieve().body(ProductSheet.class));
    }

    ProductSheet put(String path, long version, Map<String, ?> body, Object... variables) {
        return Objects.requireNonNull(http.put().uri(uri -> uri.path(path).queryParam("version", version)
                .build(variables)).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(ProductSheet.class));
    }

    ProductSheet withdrawOffer(String sku, String market, long version) {
        return Objects.requireNonNull(http.delete().uri(uri -> uri.path("/api/admin/products/{sku}/offers/{market}")
                .queryParam("version", version).build(sku, market)).retrieve().body(ProductSheet.class));
    }

    Variants variants(String sku) {
        return Objects.requireNonNull(http.get().uri("/api/admin/products/{sku}/variants", sku).retrieve()
                .body(Variants.class));
    }

    void defineVariants(String sku, Variants variants) {
        http.put().uri("/api/admin/products/{sku}/variants", sku).contentType(MediaType.APPLICATION_JSON)
                .body(variants).retrieve().toBodilessEntity();
    }

    void uploadImage(String sku, byte[] bytes, Map<String, String> alt) {
        http.post().uri(uri -> {
            var builder = uri.path("/api/admin/products/{sku}/images");
            alt.forEach((language, text) -> builder.queryParam("alt." + language, text));
            return builder.build(sku);
        }).contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes).retrieve().toBodilessEntity();
    }

    void imageAction(HttpMethod method, String path, String sku, String file) {
        http.method(method).uri(path, sku, file).retrieve().toBodilessEntity();
    }

    /** A workflow step: submission, approval, rejection (with a reason), publication or suspension. */
    void workflow(String sku, String action, String reason) {
        var request = switch (action) {
            case "submit" -> http.put().uri("/api/admin/products/{sku}/submission", sku);
            case "approve" -> http.put().uri("/api/admin/products/{sku}/approval", sku);
            case "reject" -> http.post().uri("/api/admin/products/{sku}/rejection", sku)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason));
            case "publish" -> http.put().uri("/api/admin/products/{sku}/publication", sku);
            case "suspend" -> http.delete().uri("/api/admin/products/{sku}/publication", sku);
            default -> throw new IllegalArgumentException(action);
        };
        request.retrieve().toBodilessEntity();
    }

    ImportStatus startImport(String fileName, byte[] bytes) {
        return Objects.requireNonNull(http.post().uri(uri -> uri.path("/api/admin/product-imports")
                        .queryParam("fileName", fileName).build())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes).retrieve().body(ImportStatus.class));
    }

    ImportStatus importStatus(String id) {
        return Objects.requireNonNull(http.get().uri("/api/admin/product-imports/{id}", id).retrieve()
                .body(ImportStatus.class));
    }

    WasFile download(String path, String format) {
        return WasFile.of(http.get().uri(uri -> uri.path(path).queryParam("format", format).build()).retrieve()
                .toEntity(byte[].class));
    }

    List<CategoryNode> categories() {
        var tree = http.get().uri("/api/admin/categories").retrieve().body(CategoryNode[].class);
        return tree == null ? List.of() : List.of(tree);
    }

    CategoryNode addCategory(@Nullable String parent, String slug, Map<String, String> names) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("parent", parent);
        body.put("slug", slug);
        body.put("names", names);
        return Objects.requireNonNull(http.post().uri("/api/admin/categories").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(CategoryNode.class));
    }

    /** Renames ({@code names}) or moves ({@code position}) a category: one of them null. */
    CategoryNode changeCategory(String code, long version, @Nullable Map<String, String> names,
            @Nullable Integer position) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("names", names);
        body.put("position", position);
        return Objects.requireNonNull(http.put().uri(uri -> uri.path("/api/admin/categories/{code}")
                .queryParam("version", version).build(code)).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(CategoryNode.class));
    }

    /** Every brand with its product counts, by name. */
    List<BrandSummary> brandSummaries() {
        var brands = http.get().uri("/api/admin/brands").retrieve().body(BrandSummary[].class);
        return brands == null ? List.of() : List.of(brands);
    }

    /**
     * Renames the brand on every product that carries it (merging it into a brand that has the name already). Both
     * names go in the body: a brand may hold a slash, which no path segment survives.
     */
    BrandRenamed renameBrand(String name, String to) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("from", name);
        body.put("name", to);
        return Objects.requireNonNull(http.post().uri("/api/admin/brands/rename")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(BrandRenamed.class));
    }

    /** The brand's texts and logo; 404 unknown-brand when no product carries {@code name}. */
    BrandProfile brandProfile(String name) {
        return Objects.requireNonNull(http.get().uri(brand("/api/admin/brands/profile", name)).retrieve()
                .body(BrandProfile.class));
    }

    /**
     * Replaces the brand's texts as of {@code version}: a language left out is removed. 400 invalid-input with
     * fields {@code texts.<language>.displayName} and {@code .description}; 409 stale-brand (see {@link #staleBrand}).
     */
    BrandProfile saveBrandTexts(String name, long version, Map<String, BrandText> texts) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("version", version);
        body.put("texts", texts);
        return Objects.requireNonNull(http.put().uri(brand("/api/admin/brands/profile", name))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(BrandProfile.class));
    }

    /** Sets the brand's logo to the image (PNG, JPEG or WebP); 400 invalid-input with field {@code file}. */
    BrandProfile uploadBrandLogo(String name, byte[] bytes) {
        return Objects.requireNonNull(http.put().uri(brand("/api/admin/brands/logo", name))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes).retrieve().body(BrandProfile.class));
    }

    BrandProfile removeBrandLogo(String name) {
        return Objects.requireNonNull(http.delete().uri(brand("/api/admin/brands/logo", name)).retrieve()
                .body(BrandProfile.class));
    }

    /** The profile a 409 stale-brand carries as {@code current}, or null when the refusal is another or has none. */
    static @Nullable BrandProfile staleBrand(org.springframework.web.client.RestClientResponseException refused) {
        try {
            var stale = refused.getResponseBodyAs(StaleBrand.class);
            return stale == null ? null : stale.current();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * {@code path?name=<brand>} with the name as a URI variable, so that it is encoded strictly: a {@code &},
     * {@code +} or {@code /} in a brand is part of its name, not of the query.
     */
    private static java.util.function.Function<UriBuilder, java.net.URI> brand(String path, String name) {
        return uri -> uri.path(path).queryParam("name", "{name}").build(name);
    }

    /** Deletes the category as of {@code version} (409 stale-category when it was renamed or moved since). */
    void deleteCategory(String code, long version) {
        http.delete().uri(uri -> uri.path("/api/admin/categories/{code}").queryParam("version", version).build(code))
                .retrieve().toBodilessEntity();
    }

    /** An image from the media store, for the list's thumbnails and the images tab. */
    ResponseEntity<byte[]> media(String file) {
        return http.get().uri("/media/{file}", file).retrieve().toEntity(byte[].class);
    }
}
