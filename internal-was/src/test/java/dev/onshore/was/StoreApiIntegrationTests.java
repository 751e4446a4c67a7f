package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductSearch;
import dev.onshore.was.catalog.ProductView;
import dev.onshore.was.catalog.Sku;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The store API's catalogue as a headless client reads it, on real MariaDB with the demo catalog. */
class StoreApiIntegrationTests extends CatalogTestSupport {

    private static final String API = "/api/shop/v1";
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ProductSearch search;

    /** A request as dmz-api forwards it for a shopper it resolved to {@code country} and {@code locale}. */
    private static MockHttpServletRequestBuilder viaGateway(MockHttpServletRequestBuilder request, String country,
            String locale) {
        return request.header("X-Onshore-Country", country).header("X-Onshore-Locale", locale)
                .header("X-Onshore-TimeZone", "Asia/Seoul").with(EdgeHop.signed());
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private ResultActions problem(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/" + type))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    private static List<String> skus(JsonNode page) {
        var skus = new ArrayList<String>();
        page.path("items").forEach(item -> skus.add(item.path("sku").asString()));
        return skus;
    }

    // --- What the catalogue answers

    @Test
    void marketsListTheStorefrontsMarketsWithTheirCurrenciesAndLocales() throws Exception {
        mvc.perform(viaGateway(get(API + "/markets"), "ID", "id-ID"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.context.market").value("ID"))
                .andExpect(jsonPath("$.context.locale").value("id-ID"))
                .andExpect(jsonPath("$.context.currency").value("IDR"))
                .andExpect(jsonPath("$.markets[*].country").value(
                        org.hamcrest.Matchers.containsInAnyOrder("KR", "US", "ID", "MY", "SG", "CN", "JP", "TH")))
                .andExpect(jsonPath("$.markets[?(@.country == 'MY')].currency").value(hasItem("MYR")))
                .andExpect(jsonPath("$.markets[?(@.country == 'MY')].locales[*]").value(hasItem("ms-MY")))
                .andExpect(jsonPath("$.markets[?(@.country == 'KR')].name").value(hasItem("Korea Selatan")));
    }

    @Test
    void categoriesAreInTheShoppersLanguage() throws Exception {
        mvc.perform(viaGateway(get(API + "/categories"), "ID", "id-ID"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.categories[0].code").value("health"))
                .andExpect(jsonPath("$.categories[0].name").value("Suplemen kesehatan"))
                .andExpect(jsonPath("$.categories[0].children[0].depth").value(2));
        mvc.perform(viaGateway(get(API + "/categories/health.vitamins.minerals.magnesium"), "ID", "id-ID"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category.name").value("Magnesium"))
                .andExpect(jsonPath("$.path[*].name").value(org.hamcrest.Matchers.contains("Suplemen kesehatan",
                        "Vitamin dan mineral", "Mineral", "Magnesium")));
    }

    @Test
    void brandsAreNamedAsTheirProfileNamesThemInTheRequestedLanguageAndFilteredByTheirName() throws Exception {
        mvc.perform(get(API + "/products").param("market", "KR").param("locale", "ko-KR")
                .param("brand", "Hanbit Health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].brand").value(everyItem(org.hamcrest.Matchers.is("Hanbit Health"))))
                .andExpect(jsonPath("$.items[*].brandName").value(everyItem(org.hamcrest.Matchers.is("한빛헬스"))))
                .andExpect(jsonPath("$.facets.brands[?(@.value == 'Hanbit Health')].label")
                        .value(org.hamcrest.Matchers.contains("한빛헬스")));
        mvc.perform(get(API + "/products/HS-VITC-1000").param("market", "KR").param("locale", "ko-KR"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.brand").value("Hanbit Health"))
                .andExpect(jsonPath("$.brandName").value("한빛헬스"));
        mvc.perform(get(API + "/products/HS-VITC-1000").param("market", "ID").param("locale", "id-ID"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.brandName").value("Hanbit Health"));
    }

    @Test
    void productListIsTheMarketsSearchWithItsFilters() throws Exception {
        var page = read(mvc.perform(get(API + "/products").param("market", "ID").param("locale", "id-ID")
                .param("category", "health.vitamins").param("sort", "price_asc")).andExpect(status().isOk()));
        var expected = search.search(new ProductSearch.Request("ID", "id", "", "health.vitamins", null, null, null,
                ProductSearch.Sort.PRICE_ASC, 1));
        assertThat(skus(page)).isNotEmpty().isEqualTo(expected.hits().stream().map(ProductView::sku).toList());
        assertThat(page.path("total").asLong()).isEqualTo(expected.total());
        assertThat(page.path("facets").path("brands").isArray()).isTrue();
        var prices = new ArrayList<BigDecimal>();
        page.path("items").forEach(item -> {
            assertThat(item.path("price").path("currency").asString()).isEqualTo("IDR");
            prices.add(new BigDecimal(item.path("price").path("amount").asString()));
        });
        assertThat(prices).isSorted();

        var cheap = prices.get(prices.size() / 2);
        var filtered = read(mvc.perform(get(API + "/products").param("market", "ID")
                .param("category", "health.vitamins").param("maxPrice", cheap.toPlainString()))
                .andExpect(status().isOk()));
        assertThat(skus(filtered)).isNotEmpty().hasSizeLessThan(skus(page).size());
        filtered.path("items").forEach(item -> assertThat(new BigDecimal(item.path("price").path("amount")
                .asString())).isLessThanOrEqualTo(cheap));

        var brand = page.path("items").get(0).path("brand").asString();
        mvc.perform(get(API + "/products").param("market", "ID").param("brand", brand))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].brand").value(everyItem(org.hamcrest.Matchers.is(brand))));
    }

    @Test
    void searchFindsInTheMarketsLanguageAndNeverWhatTheMarketCannotBuy() throws Exception {
        mvc.perform(get(API + "/search").param("q", "vitamin c").param("market", "ID").param("locale", "id"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.context.locale").value("id-ID"))
                .andExpect(jsonPath("$.items[*].sku").value(hasItem("HS-VITC-1000")))
                .andExpect(jsonPath("$.items[*].sku").value(not(hasItem("HS-VITC-POWDER"))));
        mvc.perform(get(API + "/search").param("q", "vitamin c").param("market", "SG"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].sku").value(hasItem("HS-VITC-POWDER")));
        mvc.perform(viaGateway(get(API + "/search").param("q", "비타민"), "KR", "ko-KR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].sku").value(hasItem("HS-VITC-1000")))
                .andExpect(jsonPath("$.items[0].language").value("ko"));
    }

    @Test
    void searchFindsAThaiLoanwordGluedToTheNextWordInWhatTheMarketSells() throws Exception {
        // "ลูทีน" (lutein) inside "ลูทีนบำรุงสายตา" and "ลูทีนสำหรับเด็ก": no word of Thai's dictionary.
        mvc.perform(get(API + "/search").param("q", "ลูทีน").param("market", "TH").param("locale", "th"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].sku").value(hasItem("HS-LUTEIN-60")))
                .andExpect(jsonPath("$.items[*].sku").value(hasItem("HS-LUTEIN-KIDS")));
        // Singapore sells the children's lutein, not the other.
        mvc.perform(get(API + "/search").param("q", "ลูทีน").param("market", "SG").param("locale", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].sku").value(hasItem("HS-LUTEIN-KIDS")))
                .andExpect(jsonPath("$.items[*].sku").value(not(hasItem("HS-LUTEIN-60"))));
        mvc.perform(get(API + "/search").param("q", "ฟหกดเ้่าส").param("market", "TH").param("locale", "th"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void productDetailIsTheMarketsOfferInTheShoppersLanguage() throws Exception {
        var detail = catalog.findForShopper(new Sku("HS-VITC-1000"), "MY", "ms").orElseThrow();
        mvc.perform(get(API + "/products/HS-VITC-1000").param("market", "MY").param("locale", "ms-MY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.context.market").value("MY"))
                .andExpect(jsonPath("$.sku").value("HS-VITC-1000"))
                .andExpect(jsonPath("$.name").value(detail.name()))
                .andExpect(jsonPath("$.language").value("ms"))
                .andExpect(jsonPath("$.price.currency").value("MYR"))
                .andExpect(jsonPath("$.price.amount").value(detail.price().setScale(2).toPlainString()))
                .andExpect(jsonPath("$.price.formatted").value(startsWith("RM")))
                .andExpect(jsonPath("$.availability").isNotEmpty())
                .andExpect(jsonPath("$.categoryPath").isArray());
        // Lower-case SKUs are the same product, as on the pages.
        mvc.perform(get(API + "/products/hs-vitc-1000").param("market", "MY")).andExpect(status().isOk());
    }

    // --- Whose answer it is: explicit parameters and headers beat the gateway's resolution

    @Test
    void gatewaysShopperContextDecidesWhenTheRequestNamesNone() throws Exception {
        mvc.perform(viaGateway(get(API + "/products/HS-VITC-1000"), "KR", "ko-KR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.context.market").value("KR"))
                .andExpect(jsonPath("$.context.locale").value("ko-KR"))
                .andExpect(jsonPath("$.price.currency").value("KRW"))
                .andExpect(jsonPath("$.language").value("ko"));
    }

    @Test
    void marketParameterBeatsTheShopHeaderWhichBeatsTheGateway() throws Exception {
        // Korean is not a language of the SG market: the market's default locale, not an error (nothing explicit).
        mvc.perform(viaGateway(get(API + "/categories"), "KR", "ko-KR").header("X-Shop-Market", "MY")
                        .param("market", "sg"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.context.market").value("SG"))
                .andExpect(jsonPath("$.context.locale").value("en-SG"))
                .andExpect(jsonPath("$.context.currency").value("SGD"));
        mvc.perform(viaGateway(get(API + "/categories"), "KR", "ko-KR").header("X-Shop-Market", "MY")
                        .header("X-Shop-Locale", "zh-Hans-MY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.context.market").value("MY"))
                .andExpect(jsonPath("$.context.locale").value("zh-Hans-MY"));
    }

    @Test
    void localeParameterBeatsTheGatewaysLocale() throws Exception {
        mvc.perform(viaGateway(get(API + "/categories"), "ID", "id-ID").param("locale", "en-US"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.context.market").value("ID"))
                .andExpect(jsonPath("$.context.locale").value("en-US"))
                .andExpect(jsonPath("$.categories[0].name").value(not("Suplemen kesehatan")));
    }

    @Test
    void directCallerIsPlacedByAcceptLanguage() throws Exception {
        mvc.perform(get(API + "/markets").header("Accept-Language", "ms-MY,ms;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.context.market").value("MY"))
                .andExpect(jsonPath("$.context.locale").value("ms-MY"));
    }

    // --- Caching

    @Test
    void catalogueAnswersCarryAStrongEtagAndRevalidateTo304() throws Exception {
        var first = mvc.perform(get(API + "/products/HS-VITC-1000").param("market", "MY"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("public")))
                .andExpect(header().string("Cache-Control", containsString("max-age=")))
                .andExpect(header().stringValues("Vary", hasItem(containsString("X-Shop-Market"))))
                .andReturn().getResponse();
        var etag = first.getHeader("ETag");
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");

        mvc.perform(get(API + "/products/HS-VITC-1000").param("market", "MY").header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(content().bytes(new byte[0]));
        // Another language is another answer: the old tag no longer matches.
        var english = mvc.perform(get(API + "/products/HS-VITC-1000").param("market", "MY").param("locale", "en")
                .header("If-None-Match", etag)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(english.getHeader("ETag")).isNotEqualTo(etag);
    }

    // --- Bad input: a clear 4xx problem in the shopper's language, never a 500

    @Test
    void unknownMarketIsAProblemInTheShoppersLanguage() throws Exception {
        problem(mvc.perform(viaGateway(get(API + "/products"), "ID", "id-ID").param("market", "XX")), 400,
                "invalid-shop-context")
                .andExpect(jsonPath("$.title").value("Pasar, bahasa, atau mata uang tidak tersedia"))
                .andExpect(jsonPath("$.errors[0].parameter").value("market"))
                .andExpect(jsonPath("$.errors[0].allowed").value(hasItem("MY")));
        problem(mvc.perform(get(API + "/products").header("X-Shop-Market", "VN")), 400, "invalid-shop-context");
    }

    @ParameterizedTest
    @CsvSource({
        "locale, not a tag!, unknown",
        "locale, ja-JP, unsupported",
        "currency, ZZZ, unknown",
        "currency, dollars, unknown",
        "currency, USD, unsupported"})
    void unservedLocaleOrCurrencyIsAProblem(String parameter, String value, String code) throws Exception {
        problem(mvc.perform(get(API + "/categories").param("market", "MY").param(parameter, value)), 400,
                "invalid-shop-context")
                .andExpect(jsonPath("$.errors[0].parameter").value(parameter))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }

    @ParameterizedTest
    @CsvSource({
        "/products, page, abc",
        "/products, page, 0",
        "/products, page, 101",
        "/products, sort, cheapest",
        "/products, minPrice, -1",
        "/products, minPrice, 1e3",
        "/products, maxPrice, 12.34567",
        "/products, category, ../../etc",
        "/products, brand, ' '",
        "/search, q, ' \u200f '",
        "/products/HS-VITC-1000, variant, <60>"})
    void malformedParameterIsAProblemNamingIt(String path, String parameter, String value) throws Exception {
        var request = get(API + path).param("market", "MY").param(parameter, value);
        if (!parameter.equals("q")) {
            request.param("q", "vitamin");
        }
        problem(mvc.perform(request), 400, "invalid-parameter")
                .andExpect(jsonPath("$.errors[0].parameter").value(parameter))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void searchWithoutTextOrWithTooMuchIsAProblem() throws Exception {
        problem(mvc.perform(get(API + "/search").param("market", "MY")), 400, "invalid-parameter")
                .andExpect(jsonPath("$.errors[0].code").value("required"));
        problem(mvc.perform(get(API + "/search").param("market", "MY").param("q", "a".repeat(201))), 400,
                "invalid-parameter")
                .andExpect(jsonPath("$.errors[0].code").value("too-long"));
        problem(mvc.perform(get(API + "/products").param("market", "MY").param("minPrice", "50")
                .param("maxPrice", "10")), 400, "invalid-parameter")
                .andExpect(jsonPath("$.errors[0].code").value("below-min"));
    }

    @Test
    void productTheMarketDoesNotSellIsTheSame404AsAnUnknownOne() throws Exception {
        var notSold = read(problem(mvc.perform(get(API + "/products/HS-VITC-POWDER").param("market", "MY")
                .param("locale", "ms")), 404, "unknown-product")
                .andExpect(jsonPath("$.title").value("Produk tidak dikenali")));
        var unknown = read(problem(mvc.perform(get(API + "/products/HS-NO-SUCH-THING").param("market", "MY")
                .param("locale", "ms")), 404, "unknown-product"));
        assertThat(notSold.path("detail")).isEqualTo(unknown.path("detail"));
        problem(mvc.perform(get(API + "/products/not a sku").param("market", "MY")), 404, "unknown-product");
        mvc.perform(get(API + "/products/HS-VITC-POWDER").param("market", "SG")).andExpect(status().isOk());
    }

    @Test
    void unknownCategoryIsA404Problem() throws Exception {
        problem(mvc.perform(viaGateway(get(API + "/categories/health.no-such"), "KR", "ko-KR")), 404,
                "unknown-category")
                .andExpect(jsonPath("$.title").value("알 수 없는 카테고리"));
    }

    @Test
    void unknownMethodIsA405ProblemInTheShoppersLanguage() throws Exception {
        problem(mvc.perform(post(API + "/products").param("locale", "zh").param("market", "CN")
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 405, "method-not-allowed")
                .andExpect(header().string("Allow", containsString("GET")))
                .andExpect(jsonPath("$.title").value("不允许的方法"));
        problem(mvc.perform(delete(API + "/products/HS-VITC-1000")), 405, "method-not-allowed");
    }

    @Test
    void clientThatDoesNotAcceptJsonGetsA406Problem() throws Exception {
        problem(mvc.perform(get(API + "/markets").accept(MediaType.APPLICATION_XML, MediaType.APPLICATION_PROBLEM_JSON)),
                406, "not-acceptable");
        problem(mvc.perform(get(API + "/markets").accept(MediaType.TEXT_HTML)), 406, "not-acceptable");
    }

    @Test
    void anonymousCallerOutsideTheCatalogueIsToldToAuthenticate() throws Exception {
        mvc.perform(get(API + "/no-such-thing"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
    }
}
