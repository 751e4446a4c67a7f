package dev.onshore.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.admin.ScreenTests;
import dev.onshore.admin.StandIn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalogue screens against an in-process stand-in of the internal WAS's admin API (and of the realm's token
 * endpoint): what each role may see and do, what is sent, and how refusals (field errors, stale versions, files that
 * are no spreadsheets) are shown instead of an error page.
 */
class CatalogScreensIntegrationTests extends ScreenTests {

    @RegisterExtension
    static final StandIn WAS = start();

    static final String PAGE = """
            {"items":[{"sku":"HS-ONE","brand":"Hanil","name":"Red ginseng","status":"DRAFT","category":"health",
              "markets":["ID","SG"],"thumbnail":"/media/%s.png","basePrice":36000.0000,"baseCurrency":"KRW",
              "updatedAt":"2026-12-02T00:30:00Z"}],
             "page":1,"size":20,"total":45}""".formatted("a".repeat(64));

    static final String SHEET = """
            {"sku":"HS-ONE","brand":"Hanil","category":"health","basePrice":36000.0000,"baseCurrency":"KRW",
             "status":"PENDING_APPROVAL","version":7,"submittedBy":"editor","submittedAt":"2026-12-02T01:00:00Z",
             "approvedBy":null,"approvedAt":null,
             "translations":{"en":{"name":"Red ginseng","summary":"Six years","description":null,"ingredients":null,
               "usage":null,"warnings":null}},
             "completeness":{"en":33},
             "offers":{"SG":{"currency":"SGD","pricing":"CONVERTED","listPrice":null,"salePrice":null,
               "saleStartsAt":null,"saleEndsAt":null,"maxPerOrder":10,"availability":"IN_STOCK",
               "localPrice":39.90,"sellable":false}},
             "regulatory":{"ID":{"attributes":{},"required":["bpomNumber","halalCertificate","halalExpiry"],
               "problems":{"bpomNumber":"required","halalCertificate":"required","halalExpiry":"required"}}},
             "images":[],
             "lifecycle":[{"from":"DRAFT","to":"PENDING_APPROVAL","operator":"editor","note":null,
               "occurredAt":"2026-12-02T01:00:00Z"}],
             "updatedAt":"2026-12-02T01:00:00Z"}""";

    private static StandIn start() {
        return StandIn.start("/api/admin/", call -> {
            var uri = call.uri();
            var method = call.method();
            if (uri.startsWith("/api/admin/products?page=")) {
                return new StandIn.Answer(200, PAGE);
            } else if (uri.equals("/api/admin/products")) {
                return new StandIn.Answer(200, "[{\"brand\":\"Hanil\"},{\"brand\":\"Beauty\"}]");
            } else if (uri.startsWith("/api/admin/products/HS-ONE/offers/SG") && method.equals("PUT")) {
                return new StandIn.Answer(400, """
                        {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                         "detail":"Some fields are invalid; nothing was saved.",
                         "errors":[{"field":"listPrice","code":"positive","message":"listPrice must be a positive number."}]}""");
            } else if (uri.startsWith("/api/admin/products/HS-ONE/basics") && method.equals("PUT")) {
                return new StandIn.Answer(409, """
                        {"type":"https://onshore.dev/problems/stale-product","status":409,"title":"Changed",
                         "detail":"Product HS-ONE was changed after you opened it; nothing was saved.",
                         "editedVersion":6,"currentVersion":7}""");
            } else if (uri.startsWith("/api/admin/products/HS-ONE/variants")) {
                return new StandIn.Answer(200, "{\"optionCode\":null,\"optionLabels\":{},\"variants\":[]}");
            } else if (uri.startsWith("/api/admin/products/HS-ONE")) {
                return new StandIn.Answer(200, SHEET);
            } else if (uri.startsWith("/api/admin/product-imports?") && call.body().startsWith("%PDF")) {
                return new StandIn.Answer(415, """
                        {"type":"https://onshore.dev/problems/not-a-spreadsheet","status":415,
                         "title":"Not a spreadsheet","detail":"scan.pdf is not an .xlsx workbook or a UTF-8 .csv file."}""");
            } else if (uri.startsWith("/api/admin/product-imports/5e1f0000-2222-4333-8444-955566667777")) {
                return new StandIn.Answer(200, """
                        {"id":"5e1f0000-2222-4333-8444-955566667777","fileName":"big.xlsx","format":"XLSX",
                         "state":"VALIDATING","totalRows":10000,"processedRows":2500,"savedRows":0,"errors":[],
                         "createdBy":"editor","createdAt":"2026-12-02T01:00:00Z","finishedAt":null}""");
            } else if (uri.startsWith("/api/admin/product-imports")) {
                return new StandIn.Answer(method.equals("POST") ? 202 : 200, """
                        {"id":"0b0e7c1a-1111-4222-8333-944455556666","fileName":"bad.xlsx","format":"XLSX",
                         "state":"FAILED","totalRows":1000,"processedRows":1000,"savedRows":0,
                         "errors":[{"row":11,"column":"base_price","code":"positive"},
                                   {"row":501,"column":"=HYPERLINK(\\"x\\")","code":"number"}],
                         "createdBy":"editor","createdAt":"2026-12-02T01:00:00Z","finishedAt":"2026-12-02T01:00:05Z"}""");
            } else {
                return StandIn.Answer.unknown();
            }
        });
    }

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    @Test
    void theListIsSearchedAndPagedByTheInternalWas() throws Exception {
        mvc.perform(get("/products").param("q", "ginseng").param("status", "DRAFT").param("market", "SG")
                        .param("page", "1").header("Accept-Language", "ko").with(as("editor", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-products")).andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("href=\"/products/HS-ONE\""),
                        containsString("src=\"/products/media/" + "a".repeat(64) + ".png\""),
                        containsString("상품 45개"), containsString("3페이지 중 2페이지"),
                        containsString("2026-12-02 09:30"), // 00:30 UTC in KST
                        containsString("href=\"/products/new\""), containsString("href=\"/products/import\""))));
        assertThat(WAS.calls()).first().satisfies(call -> {
            assertThat(call.uri()).startsWith("/api/admin/products?page=1&size=20")
                    .contains("q=ginseng", "status=DRAFT", "market=SG");
            assertThat(call.operator()).isEqualTo("editor");
            assertThat(call.roles()).isEqualTo("CATALOG_MANAGER");
        });
    }

    @Test
    void aViewerReadsButIsOfferedNoChangeAndIsRefusedOne() throws Exception {
        mvc.perform(get("/products").with(as("auditor", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("HS-ONE"),
                        not(containsString("href=\"/products/new\"")))));
        mvc.perform(get("/products/HS-ONE").param("tab", "basics").with(as("auditor", "VIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(">Save</button>"))));
        WAS.calls().clear();
        mvc.perform(post("/products/HS-ONE/basics").param("version", "7").param("brand", "X")
                .with(as("auditor", "VIEWER")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/products").with(as("clerk", "ORDER_MANAGER"))).andExpect(status().isForbidden());
        mvc.perform(get("/products/import").with(as("auditor", "VIEWER"))).andExpect(status().isForbidden());
        assertThat(WAS.calls()).isEmpty();
    }

    @Test
    void theTabsShowPricesCompletenessRegulatoryGapsAndTheWorkflowWithWhoAndWhen() throws Exception {
        mvc.perform(get("/products/HS-ONE").param("tab", "offers").with(as("editor", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-product-offers")).andExpect(status().isOk()).andExpect(content().string(allOf(containsString("SGD\u00a039.90"), not(containsString("39.9 SGD")),
                        containsString("Converted from the base price"), containsString("name=\"version\" value=\"7\""))));
        mvc.perform(get("/products/HS-ONE").param("tab", "texts").with(as("editor", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-product-texts")).andExpect(content().string(allOf(containsString("33%"), containsString("Six years"))));
        mvc.perform(get("/products/HS-ONE").param("tab", "regulatory").with(as("editor", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-product-regulatory")).andExpect(content().string(allOf(containsString("BPOM registration number"),
                        containsString("cannot be published while it is offered"))));
        mvc.perform(get("/products/HS-ONE").param("tab", "workflow").with(as("editor", "CATALOG_MANAGER")))
                .andExpect(content().string(allOf(containsString("editor, 2026-12-02 10:00"),
                        containsString("Awaiting another operator"),
                        not(containsString("/workflow/approve\"")))));
        mvc.perform(get("/products/HS-ONE").param("tab", "workflow").with(as("reviewer", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-product-workflow")).andExpect(content().string(containsString("action=\"/products/HS-ONE/workflow/approve\"")));
    }

    @Test
    void anInvalidPriceIsShownAtItsFieldAndAStaleEditShowsWhatChanged() throws Exception {
        mvc.perform(post("/products/HS-ONE/offers/SG").param("version", "7").param("pricing", "LIST")
                        .param("listPrice", "-3").with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("List price must be a positive number."), containsString("value=\"-3\""))));
        mvc.perform(post("/products/HS-ONE/offers/SG").param("version", "7").param("listPrice", "twelve")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is not a number")));
        assertThat(WAS.calls()).filteredOn(call -> call.method().equals("PUT")).hasSize(1);

        mvc.perform(post("/products/HS-ONE/basics").param("version", "6").param("brand", "Hanil Pharm")
                        .param("basePrice", "36000").param("baseCurrency", "KRW").param("category", "health")
                        .with(as("editor", "CATALOG_MANAGER")).with(csrf()))
                .andDo(snapshot("admin-product-stale-edit")).andExpect(status().isConflict())
                .andExpect(content().string(allOf(
                        containsString("was changed after you opened it"),
                        containsString("What changed since you opened the page"),
                        containsString("<td>brand</td><td>Hanil</td><td>Hanil Pharm</td>"),
                        containsString("<td>version</td><td>7</td><td>6</td>"),
                        containsString("name=\"version\" value=\"7\""))));
    }

    @Test
    void aRunningImportsPagePollsAndUpdatesItsRowsInTheOperatorsLanguage() throws Exception {
        mvc.perform(get("/products/import/5e1f0000-2222-4333-8444-955566667777").header("Accept-Language", "ko")
                        .with(as("editor", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-products-import-progress")).andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("data-status-url=\"/products/import/5e1f0000-2222-4333-8444-955566667777/status\""),
                        containsString("data-template=\"{1}행 중 {0}행 검사, {2}행 저장\""),
                        containsString("function poll()"), containsString("rows.dataset.template"))));
    }

    @Test
    void aFileThatIsNoSpreadsheetIsRefusedWithTheReasonAndAReportNamesBadRows() throws Exception {
        mvc.perform(multipart("/products/import").file(new MockMultipartFile("file", "scan.pdf", "application/pdf",
                        "%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1))).with(as("editor", "CATALOG_MANAGER"))
                        .with(csrf()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().string(containsString("scan.pdf is not an .xlsx workbook")));

        mvc.perform(multipart("/products/import").file(new MockMultipartFile("file", "bad.xlsx",
                        "application/octet-stream", new byte[] {'P', 'K', 3, 4})).with(as("editor", "CATALOG_MANAGER"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/products/import/0b0e7c1a-1111-4222-8333-944455556666"));
        assertThat(WAS.calls()).last().satisfies(call -> assertThat(call.uri()).contains("fileName=bad.xlsx"));

        mvc.perform(get("/products/import/0b0e7c1a-1111-4222-8333-944455556666").header("Accept-Language", "ko")
                        .with(as("editor", "CATALOG_MANAGER")))
                .andDo(snapshot("admin-products-import-refused")).andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("아무것도 저장하지 않았습니다: 문제 2건"),
                        containsString("data-row=\"11\""), containsString("base_price은(는) 양수여야 합니다."))));
        mvc.perform(get("/products/import/0b0e7c1a-1111-4222-8333-944455556666/report.csv")
                        .with(as("editor", "CATALOG_MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("11,\"base_price\",\"base_price must be a positive number.\""),
                        containsString("501,\"'=HYPERLINK(\"\"x\"\")\""))));
    }

    @Test
    void theOtherTabsAndTheNewProductAndImportFormsRenderForAnEditor() throws Exception {
        for (var tab : List.of("basics", "variants", "images")) {
            mvc.perform(get("/products/HS-ONE").param("tab", tab).with(as("editor", "CATALOG_MANAGER")))
                    .andDo(snapshot("admin-product-" + tab)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-tab=\"" + tab + "\"")));
        }
        mvc.perform(get("/products/new").with(as("editor", "CATALOG_MANAGER"))).andDo(snapshot("admin-product-new"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"sku\"")));
        mvc.perform(get("/products/import").with(as("editor", "CATALOG_MANAGER"))).andDo(snapshot("admin-products-import"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"/products/import-template")));
    }
}
