package dev.onshore.admin.orders;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The marketplace import on the Orders screen against a stand-in of the internal WAS: the upload goes to the WAS with
 * its channel and name, the imported orders and every refused row (in the operator's language) show on the page,
 * product codes are mapped, the list shows each order's channel, and only order managers and ADMIN get in.
 */
class MarketplaceImportScreensIntegrationTests extends ScreenTests {

    static final String CODES = """
            [{"channel":"coupang","externalCode":"CP-998877","sku":"HS-VITC-1000",
              "updatedAt":"2026-12-03T01:00:00Z","updatedBy":"park"}]""";

    static final String JOB = "0b0e7c1a-1111-4222-8333-944455556666";

    static final String QUEUED = """
            {"id":"0b0e7c1a-1111-4222-8333-944455556666","kind":"marketplace-order","fileName":"coupang-1203.xlsx",
             "state":"QUEUED","totalRows":3,"processedRows":0,"savedRows":0,"errors":[],"result":{},
             "createdBy":"park","createdAt":"2026-12-03T01:00:00Z","finishedAt":null}""";

    static final String RUNNING = """
            {"id":"0b0e7c1a-1111-4222-8333-944455556666","kind":"marketplace-order","fileName":"coupang-1203.xlsx",
             "state":"SAVING","totalRows":1200,"processedRows":1200,"savedRows":300,"errors":[],"result":{},
             "createdBy":"park","createdAt":"2026-12-03T01:00:00Z","finishedAt":null}""";

    static final String REPORT = """
            {"id":"0b0e7c1a-1111-4222-8333-944455556666","kind":"marketplace-order","fileName":"coupang-1203.xlsx",
             "state":"SUCCEEDED","totalRows":3,"processedRows":3,"savedRows":3,"errors":[],
             "result":{"channel":"coupang","fileName":"coupang-1203.xlsx","rows":3,
               "imported":["ON261203-AAAA1111","ON261203-BBBB2222"],"alreadyImported":["A-0999"]},
             "createdBy":"park","createdAt":"2026-12-03T01:00:00Z","finishedAt":"2026-12-03T01:00:04Z"}""";

    static final String REFUSED = """
            {"id":"0b0e7c1a-1111-4222-8333-944455556666","kind":"marketplace-order","fileName":"bad.csv",
             "state":"FAILED","totalRows":9,"processedRows":9,"savedRows":0,
             "errors":[{"row":3,"column":"product_code","code":"unknown-code"},
                       {"row":5,"column":"quantity","code":"out-of-stock"},
                       {"row":7,"column":"country","code":"unknown-country"}],"result":{},
             "createdBy":"park","createdAt":"2026-12-03T01:00:00Z","finishedAt":"2026-12-03T01:00:02Z"}""";

    static final String PAGE = """
            {"orders":[
              {"number":"ON261203-AAAA1111","market":"KR","status":"PAID","returnStatus":null,"payment":"PAID",
               "total":{"amount":41700.0000,"currency":"KRW"},"placedAt":"2026-12-03T01:00:00Z",
               "shipTo":"홍길동\\n서울특별시 중구 세종대로 110\\n04524\\nKR","units":3,"shipment":null,
               "channel":"coupang"},
              {"number":"ON261203-CCCC3333","market":"KR","status":"PAID","returnStatus":null,"payment":"PAID",
               "total":{"amount":12900.0000,"currency":"KRW"},"placedAt":"2026-12-03T02:00:00Z",
               "shipTo":"김민지\\n제주특별자치도 제주시 첨단로 242\\n63309","units":1,"shipment":null,
               "channel":null}],
             "page":0,"size":50,"total":2}""";

    @RegisterExtension
    static final StandIn WAS = StandIn.start("/api/admin/", call -> new StandIn.Answer(404,
            "{\"type\":\"https://onshore.dev/problems/order-not-found\",\"status\":404,\"title\":\"Unknown\"}"))
            .answering("GET /api/admin/marketplace-codes", 200, CODES)
            .answering("GET /api/admin/orders", 200, PAGE);

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    private static MockMultipartFile file(String name, String text) {
        return new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUploadReturnsAtOnceToAPageThatFollowsTheImportAndThenShowsTheOrdersItImported() throws Exception {
        WAS.answer("POST /api/admin/order-imports", 202, QUEUED);
        mvc.perform(multipart("/orders/import").file(file("coupang-1203.csv", "order_number,product_code\n"))
                        .param("channel", "coupang").with(as("park", "ORDER_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/orders/import/" + JOB));
        var call = WAS.calls("POST").getFirst();
        assertThat(call.uri()).contains("channel=coupang").contains("fileName=coupang-1203.csv");
        assertThat(call.operator()).isEqualTo("park");
        assertThat(call.body()).isEqualTo("order_number,product_code\n");

        // While it runs: rows done of total, and the page polls its status.
        WAS.answer("GET /api/admin/order-imports/" + JOB, 200, RUNNING);
        mvc.perform(get("/orders/import/" + JOB).with(as("park", "ORDER_MANAGER")))
                .andDo(snapshot("orders-import-progress"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-state=\"SAVING\""),
                        containsString("1,200 of 1,200 rows checked, 300 saved"),
                        containsString("data-template=\"{0} of {1} rows checked, {2} saved\""), containsString("62%"),
                        containsString("data-status-url=\"/orders/import/" + JOB + "/status\""),
                        containsString("function poll()"))));
        mvc.perform(get("/orders/import/" + JOB + "/status").with(as("park", "ORDER_MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"savedRows\":300")));

        WAS.answer("GET /api/admin/order-imports/" + JOB, 200, REPORT);
        mvc.perform(get("/orders/import/" + JOB).with(as("park", "ORDER_MANAGER")))
                .andDo(snapshot("orders-import-done"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/orders/ON261203-AAAA1111\""),
                        containsString("href=\"/orders/ON261203-BBBB2222\""),
                        containsString("2 orders imported from coupang-1203.xlsx; 1 imported before"),
                        not(containsString("function poll()")))));
    }

    @Test
    void aRefusedFileShowsEveryBadRowByItsNumberInTheOperatorsLanguage() throws Exception {
        WAS.answer("GET /api/admin/order-imports/" + JOB, 200, REFUSED);
        mvc.perform(get("/orders/import/" + JOB).header("Accept-Language", "ko").with(as("park", "ORDER_MANAGER")))
                .andDo(snapshot("orders-import-refused"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-row=\"3\""), containsString("data-row=\"5\""),
                        containsString("data-row=\"7\""), containsString("이 행의 재고가 부족합니다."),
                        containsString("판매하지 않는 국가입니다."), containsString("아무것도 가져오지 않았습니다"))));
    }

    @Test
    void aFileThatIsNoSpreadsheetIsRefusedOnTheUploadPageAndAnUnknownJobIsNotFound() throws Exception {
        WAS.answer("POST /api/admin/order-imports", 415, """
                {"type":"https://onshore.dev/problems/not-a-spreadsheet","status":415,"title":"Not a spreadsheet",
                 "detail":"scan.pdf is not an .xlsx workbook or a UTF-8 .csv file."}""");
        mvc.perform(multipart("/orders/import").file(file("scan.pdf", "%PDF")).param("channel", "coupang")
                        .with(as("park", "ORDER_MANAGER")).with(csrf()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().string(containsString("scan.pdf is not an .xlsx workbook")));
        mvc.perform(get("/orders/import/not-a-job").with(as("park", "ORDER_MANAGER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/orders/import/00000000-0000-0000-0000-000000000000").with(as("park", "ORDER_MANAGER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/orders/import/" + JOB).with(as("vera", "VIEWER"))).andExpect(status().isForbidden());
    }

    @Test
    void anUploadWithoutAFileIsRefusedOnThePageWithoutCallingTheWas() throws Exception {
        mvc.perform(multipart("/orders/import").param("channel", "coupang").with(as("park", "ORDER_MANAGER"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a file to import.")));
        assertThat(WAS.calls("POST")).isEmpty();
    }

    @Test
    void theProductCodesAreListedAndMappedUnderTheOperatorsName() throws Exception {
        mvc.perform(get("/orders/import").with(as("park", "ORDER_MANAGER")))
                .andDo(snapshot("orders-import"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-code=\"coupang/CP-998877\""),
                        containsString("HS-VITC-1000"), containsString("/orders/import/template?format=xlsx"),
                        // Who changed the mapping and when (KST), as a message, never the raw expression.
                        containsString("by park 2026-12-03 10:00"), not(containsString("??order.by")))));
        WAS.answer("PUT /api/admin/marketplace-codes/coupang/CP-1", 200, CODES.substring(1, CODES.length() - 1));
        mvc.perform(post("/orders/import/codes").param("channel", "Coupang").param("code", "CP-1")
                        .param("sku", "HS-MAG-300").with(as("park", "ORDER_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/orders/import"));
        var put = WAS.calls("PUT").getFirst();
        assertThat(put.path()).isEqualTo("/api/admin/marketplace-codes/coupang/CP-1");
        assertThat(put.body()).contains("\"sku\":\"HS-MAG-300\"");
        assertThat(put.operator()).isEqualTo("park");
    }

    @Test
    void theListShowsEachOrdersChannelAndOffersTheImportOnlyToThoseWhoMay() throws Exception {
        mvc.perform(get("/orders").with(as("park", "ORDER_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("coupang"), containsString("Own shop"),
                        containsString("href=\"/orders/import\""))));
        mvc.perform(get("/orders").with(as("fin", "FINANCE")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/orders/import\""))));
    }

    @Test
    void financeViewersAndOtherDesksMayNotImport() throws Exception {
        for (var role : new String[] {"FINANCE", "VIEWER", "CATALOG_MANAGER", "CONTENT_MANAGER"}) {
            mvc.perform(get("/orders/import").with(as("someone", role))).andExpect(status().isForbidden());
            mvc.perform(multipart("/orders/import").file(file("a.csv", "x")).param("channel", "coupang")
                    .with(as("someone", role)).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(WAS.calls("POST")).isEmpty();
        mvc.perform(get("/orders/import").with(as("root", "ADMIN"))).andExpect(status().isOk());
    }
}
