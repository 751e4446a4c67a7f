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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.admin.ScreenTests;
import dev.onshore.admin.StandIn;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The orders, exchange-rate and hot-deal screens against an in-process stand-in of the internal WAS's admin API
 * (and of the realm's token endpoint): what each role is offered and may do, what the screens send (operator,
 * roles, KST days), and how the WAS's refusals show next to their fields instead of an error page.
 */
class BackOfficeScreensIntegrationTests extends ScreenTests {

    static final String PAGE = """
            {"orders":[
              {"number":"ON260617-AAAA1111","market":"KR","status":"PREPARING","returnStatus":null,"payment":"PAID",
               "total":{"amount":39000.0000,"currency":"KRW"},"placedAt":"2026-06-17T15:30:00Z",
               "shipTo":"김민지\\n제주특별자치도 제주시 첨단로 242\\n63309","units":2,"shipment":null},
              {"number":"ON260617-BBBB2222","market":"KR","status":"PREPARING","returnStatus":null,"payment":"PAID",
               "total":{"amount":12000.0000,"currency":"KRW"},"placedAt":"2026-06-17T16:00:00Z",
               "shipTo":"김민지\\n제주특별자치도  제주시 첨단로 242\\n63309","units":1,"shipment":null},
              {"number":"ON260617-CCCC3333","market":"ID","status":"PREPARING","returnStatus":null,"payment":"PAID",
               "total":{"amount":325000.0000,"currency":"IDR"},"placedAt":"2026-06-17T01:00:00Z",
               "shipTo":"Ani Wijaya\\nJl. Merdeka No. 1\\nBandung 40115","units":1,"shipment":null}],
             "page":0,"size":50,"total":3}""";

    static final String ORDER = """
            {"number":"ON260617-AAAA1111","market":"KR","status":"PREPARING","returnStatus":null,
             "lines":[{"sku":"HS-MAG-300","name":"Magnesium 300","unitPrice":{"amount":19500,"currency":"KRW"},
             "quantity":2}],"subtotal":{"amount":39000,"currency":"KRW"},"shipping":{"amount":0,"currency":"KRW"},
             "tax":{"amount":3545,"currency":"KRW"},"total":{"amount":39000,"currency":"KRW"},
             "refunded":{"amount":0,"currency":"KRW"},"shippingMethod":"standard",
             "shipTo":"김민지\\n제주특별자치도 제주시 첨단로 242\\n63309","paymentProvider":"sandbox",
             "paymentReference":"sbx-1","placedAt":"2026-06-17T15:30:00Z",
             "history":[{"status":"PLACED","at":"2026-06-17T15:30:00Z","by":null},
                        {"status":"PAID","at":"2026-06-17T15:31:00Z","by":null},
                        {"status":"PREPARING","at":"2026-06-18T00:00:00Z","by":"kim"}],"shipment":null}""";

    static final String RATES = """
            [{"base":"KRW","quote":"IDR","rate":11.6,"effectiveFrom":"2026-06-17T15:00:00Z","source":"ECB",
              "reason":null,"recordedBy":null,"age":"PT3H20M","stale":false},
             {"base":"KRW","quote":"USD","rate":0.00072,"effectiveFrom":"2026-06-10T15:00:00Z","source":"MANUAL",
              "reason":"bank quote","recordedBy":"fin","age":"PT170H","stale":true}]""";

    static final String HISTORY = """
            [{"id":"7b0b7e0e-5d43-4a44-9d7a-0d6c8e9a0001","base":"KRW","quote":"IDR","rate":11.6,
              "effectiveFrom":"2026-06-17T15:00:00Z","source":"ECB","reason":null,"recordedAt":"2026-06-17T15:01:00Z"},
             {"id":"7b0b7e0e-5d43-4a44-9d7a-0d6c8e9a0002","base":"KRW","quote":"IDR","rate":11.4,
              "effectiveFrom":"2026-06-16T15:00:00Z","source":"MANUAL","reason":"bank quote",
              "recordedAt":"2026-06-16T15:01:00Z"}]""";

    static final String DEALS = """
            [{"id":"0b0b7e0e-5d43-4a44-9d7a-0d6c8e9a0009","sku":"HS-MAG-300","units":500,"unitsLeft":480,
              "price":9900,"currency":"KRW","perCustomerLimit":2,"startsAt":"2026-06-20T01:00:00Z",
              "endsAt":"2026-06-20T03:00:00Z","zone":"Asia/Seoul","localStartsAt":"2026-06-20T10:00:00",
              "localEndsAt":"2026-06-20T12:00:00","admissionsPerMinute":300,"status":"SCHEDULED",
              "scheduledBy":"mia"}]""";

    @RegisterExtension
    static final StandIn WAS = StandIn.start("/api/admin/", call -> new StandIn.Answer(404,
            "{\"type\":\"https://onshore.dev/problems/order-not-found\",\"status\":404,\"title\":\"Unknown order\","
                    + "\"detail\":\"No order has this number.\"}"))
            .answering("GET /api/admin/orders", 200, PAGE)
            .answering("GET /api/admin/orders/ON260617-AAAA1111", 200, ORDER)
            .answering("POST /api/admin/orders/ON260617-AAAA1111/shipment", 200, ORDER)
            .answering("POST /api/admin/orders/ON260617-AAAA1111/refunds", 200, ORDER)
            .answering("GET /api/admin/exchange-rates", 200, RATES)
            .answering("GET /api/admin/exchange-rates/IDR/history", 200, HISTORY)
            .answering("POST /api/admin/exchange-rates/ecb", 200, HISTORY)
            .answering("GET /api/admin/hot-deals", 200, DEALS)
            .answering("POST /api/admin/hot-deals", 201, DEALS.substring(1, DEALS.length() - 1));

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    @Test
    void theOrderListSendsItsFiltersWithKoreanDaysAndShowsTimesInKst() throws Exception {
        mvc.perform(get("/orders").param("market", "KR").param("status", "PREPARING").param("from", "2026-06-18")
                .param("to", "2026-06-18").param("ignored", "x").with(as("kim", "ORDER_MANAGER")))
                .andDo(snapshot("admin-orders")).andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("href=\"/orders/ON260617-AAAA1111\""),
                        containsString("2026-06-18 00:30"), // 15:30 UTC is past midnight in Seoul
                        containsString("김민지"))));
        assertThat(WAS.calls()).singleElement().satisfies(call -> {
            assertThat(call.uri()).startsWith("/api/admin/orders?").contains("market=KR").contains("status=PREPARING")
                    .contains("from=2026-06-18").contains("to=2026-06-18").contains("zone=Asia/Seoul")
                    .doesNotContain("ignored");
            assertThat(call.operator()).isEqualTo("kim");
            assertThat(call.roles()).isEqualTo("ORDER_MANAGER");
        });
    }

    @Test
    void amountsAreWrittenWithIcuForTheOperatorsLanguageNeverAsTheRawDecimal() throws Exception {
        mvc.perform(get("/orders").param("lang", "en").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("IDR\u00a0325,000"), containsString("₩39,000"),
                        not(containsString("325000 IDR")), not(containsString("39000 KRW")))));
        mvc.perform(get("/orders/ON260617-AAAA1111").param("lang", "ko").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("₩19,500"),
                        containsString("₩39,000"), not(containsString("19500 KRW")))));
        mvc.perform(get("/marketing/hot-deals").with(as("mia", "CONTENT_MANAGER")))
                .andExpect(content().string(allOf(containsString("₩9,900"), not(containsString("9900 KRW")))));
        WAS.answer("GET /api/admin/orders", 200, PAGE.replace("\"currency\":\"KRW\"", "\"currency\":\"USD\""));
        mvc.perform(get("/orders").param("lang", "ko").with(as("kim", "ORDER_MANAGER")))
                .andExpect(content().string(containsString("US$39,000.00"))); // ko says which dollar
    }

    @Test
    void badFiltersShowTheWasMessagesInsteadOfAnErrorPage() throws Exception {
        WAS.answer("GET /api/admin/orders", 400, """
                {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                 "errors":[{"field":"from","code":"pattern","message":"from does not have the required format."}]}""");
        mvc.perform(get("/orders").param("from", "yesterday").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Start date does not have the required format.")));
    }

    @Test
    void anOrderOffersOnlyTheMovesItsStateAndTheOperatorsRolesAllow() throws Exception {
        var page = "/orders/ON260617-AAAA1111";
        mvc.perform(get(page).with(as("kim", "ORDER_MANAGER"))).andDo(snapshot("admin-order-detail"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-move=\"shipment\""),
                        containsString("data-move=\"cancellation\""), containsString("data-move=\"refunds\""),
                        not(containsString("data-move=\"preparation\"")),
                        not(containsString("data-move=\"delivery\"")),
                        containsString("data-region=\"jeju\""), containsString("2026-06-18 09:00:00"),
                        containsString("kim"))));
        mvc.perform(get(page).with(as("fin", "FINANCE"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-move=\"refunds\""),
                        not(containsString("data-move=\"shipment\"")))));
        mvc.perform(get(page).with(as("vera", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-move="))));
        mvc.perform(get(page).with(as("carl", "CATALOG_MANAGER"))).andExpect(status().isForbidden());
    }

    @Test
    void shippingSendsCarrierAndTrackingAndARefusalComesBackNextToItsField() throws Exception {
        mvc.perform(post("/orders/ON260617-AAAA1111/shipment").param("carrier", "CJ대한통운")
                .param("trackingNumber", "6012-3456-7890").with(as("kim", "ORDER_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/orders/ON260617-AAAA1111"))
                .andExpect(flash().attribute("notice", "order.done.shipment"));
        assertThat(WAS.calls().getLast().method()).isEqualTo("POST");
        assertThat(WAS.calls().getLast().body()).contains("\"carrier\":\"CJ대한통운\"")
                .contains("\"trackingNumber\":\"6012-3456-7890\"");

        WAS.answer("POST /api/admin/orders/ON260617-AAAA1111/shipment", 400, """
                {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                 "detail":"Some fields are not valid.","errors":[{"field":"trackingNumber","code":"pattern",
                 "message":"trackingNumber does not have the required format."}]}""");
        mvc.perform(post("/orders/ON260617-AAAA1111/shipment").param("carrier", "CJ")
                .param("trackingNumber", "<x>").with(as("kim", "ORDER_MANAGER")).with(csrf()))
                .andExpect(flash().attribute("errors",
                        Map.of("trackingNumber", "Tracking number does not have the required format.")))
                .andExpect(flash().attribute("problem", "Some fields are not valid."));

        WAS.answer("POST /api/admin/orders/ON260617-AAAA1111/shipment", 409, """
                {"type":"https://onshore.dev/problems/illegal-order-transition","status":409,
                 "title":"Not possible for this order","detail":"Order ON260617-AAAA1111 cannot do this while it is SHIPPED."}""");
        mvc.perform(post("/orders/ON260617-AAAA1111/shipment").param("carrier", "CJ")
                .param("trackingNumber", "1234-5678").with(as("kim", "ORDER_MANAGER")).with(csrf()))
                .andExpect(flash().attribute("problem", "Order ON260617-AAAA1111 cannot do this while it is SHIPPED."));
    }

    @Test
    void viewersAndOtherRolesCannotMoveOrdersAndNothingReachesTheWas() throws Exception {
        mvc.perform(post("/orders/ON260617-AAAA1111/shipment").param("carrier", "CJ")
                .param("trackingNumber", "1234-5678").with(as("vera", "VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/orders/ON260617-AAAA1111/refund").param("amount", "1000").param("reason", "x")
                .with(as("carl", "CATALOG_MANAGER")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/orders/ON260617-AAAA1111/shipment").param("carrier", "CJ")
                .param("trackingNumber", "1234-5678").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(WAS.calls()).isEmpty();
        mvc.perform(post("/orders/ON260617-AAAA1111/refund").param("amount", "1,000").param("reason", "goodwill")
                .with(as("fin", "FINANCE")).with(csrf())).andExpect(redirectedUrl("/orders/ON260617-AAAA1111"));
        assertThat(WAS.calls()).singleElement().satisfies(call -> assertThat(call.body()).contains("\"amount\":1000")
                .contains("goodwill"));
    }

    @Test
    void bundlesGroupOrdersReadyToShipByRecipientAndAddressWithTheKoreanRegion() throws Exception {
        mvc.perform(get("/orders/bundles").with(as("kim", "ORDER_MANAGER"))).andDo(snapshot("admin-order-bundles"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-orders=\"2\""),
                        containsString("data-orders=\"1\""), containsString("data-region=\"jeju\""))));
        assertThat(WAS.calls()).singleElement().satisfies(call -> assertThat(call.uri()).contains("status=PREPARING"));
    }

    @Test
    void ratesShowSourceAgeAndAStaleWarningAndAnOverrideNeedsAReason() throws Exception {
        mvc.perform(get("/rates").with(as("fin", "FINANCE"))).andDo(snapshot("admin-rates")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("stale-warning"), containsString("3 h 20 min"),
                        containsString("data-override=\"IDR\""), containsString("data-import"))));
        mvc.perform(get("/rates").with(as("vera", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("stale-warning"),
                        not(containsString("data-override")), not(containsString("data-import")))));
        mvc.perform(get("/rates").with(as("kim", "ORDER_MANAGER"))).andExpect(status().isForbidden());

        WAS.answer("PUT /api/admin/exchange-rates/IDR", 400, """
                {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                 "detail":"Some fields are not valid.","errors":[{"field":"reason","code":"required",
                 "message":"reason is required."}]}""");
        mvc.perform(post("/rates/IDR").param("rate", "11.8").param("reason", " ").with(as("fin", "FINANCE"))
                .with(csrf())).andExpect(redirectedUrl("/rates"))
                .andExpect(flash().attribute("fieldErrors", Map.of("reason", "Reason is required.")))
                .andExpect(flash().attribute("failedQuote", "IDR"));
        assertThat(WAS.calls().getLast().body()).contains("\"rate\":11.8");
        mvc.perform(post("/rates/IDR").param("rate", "11.8").param("reason", "bank").with(as("vera", "VIEWER"))
                .with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aRatesHistoryDrawsItsChartFromTheWebJarAndAFileIsImported() throws Exception {
        mvc.perform(get("/rates/IDR").with(as("vera", "VIEWER"))).andDo(snapshot("admin-rate-history"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"),
                        containsString("2026-06-17T00:00, 11.4"), containsString("bank quote"))));
        mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js").with(as("vera", "VIEWER")))
                .andExpect(status().isOk());
        mvc.perform(multipart("/rates/import").file("file", "<gesmes:Envelope/>".getBytes(StandardCharsets.UTF_8))
                .with(as("fin", "FINANCE")).with(csrf())).andExpect(redirectedUrl("/rates"))
                .andExpect(flash().attribute("imported", 2));
        assertThat(WAS.calls().getLast().uri()).isEqualTo("/api/admin/exchange-rates/ecb");
    }

    @Test
    void aHotDealIsScheduledWithItsWindowInKstAndARefusalNamesTheField() throws Exception {
        mvc.perform(get("/marketing/hot-deals").with(as("mia", "CONTENT_MANAGER"))).andDo(snapshot("admin-hot-deals"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("HS-MAG-300"), containsString("480 / 500"),
                        containsString("2026-06-20 10:00"), containsString("data-schedule"))));
        mvc.perform(get("/marketing/hot-deals").with(as("vera", "VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-schedule"))));
        mvc.perform(post("/marketing/hot-deals").param("sku", "HS-MAG-300").param("units", "500")
                .param("price", "9,900").param("currency", "KRW").param("perCustomerLimit", "2")
                .param("startsAt", "2026-06-20T10:00").param("endsAt", "2026-06-20T12:00")
                .param("admissionsPerMinute", "300").with(as("mia", "CONTENT_MANAGER")).with(csrf()))
                .andExpect(flash().attribute("notice", "hotdeals.done.schedule"));
        assertThat(WAS.calls().getLast().body()).contains("\"startsAt\":\"2026-06-20T10:00\"")
                .contains("\"zone\":\"Asia/Seoul\"").contains("\"price\":9900").contains("\"units\":500");

        WAS.answer("POST /api/admin/hot-deals", 400, """
                {"type":"https://onshore.dev/problems/invalid-hot-deal","status":400,"title":"Invalid hot deal",
                 "detail":"The hot deal cannot be scheduled: the field \\"endsAt\\" is missing or out of range.",
                 "field":"endsAt"}""");
        mvc.perform(post("/marketing/hot-deals").param("sku", "HS-MAG-300").param("endsAt", "")
                .with(as("mia", "CONTENT_MANAGER")).with(csrf()))
                .andExpect(flash().attribute("errorField", "endsAt"));
        // The refused form comes back filled with what the operator typed (a SpEL form[f] once read the key "f").
        mvc.perform(get("/marketing/hot-deals").flashAttr("form", Map.of("sku", "HS-MAG-300", "units", "77"))
                .flashAttr("errorField", "endsAt").with(as("mia", "CONTENT_MANAGER")))
                .andExpect(content().string(allOf(containsString("name=\"sku\" required value=\"HS-MAG-300\""),
                        containsString("name=\"units\" required value=\"77\""))));
        mvc.perform(post("/marketing/hot-deals/0b0b7e0e-5d43-4a44-9d7a-0d6c8e9a0009/cancel")
                .with(as("kim", "ORDER_MANAGER")).with(csrf())).andExpect(status().isForbidden());
    }

    static final String EXCHANGING = ORDER.replace("\"status\":\"PREPARING\",\"returnStatus\":null",
            "\"status\":\"DELIVERED\",\"returnStatus\":null").replace("\"shipment\":null}",
            "\"shipment\":{\"carrier\":\"CJ\",\"trackingNumber\":\"1111-2222\"},\"exchange\":{\"status\":"
                    + "\"RECEIVED\",\"sku\":\"HS-MAG-300\",\"replacementSku\":\"HS-MAG-300\",\"quantity\":1,"
                    + "\"shipment\":null}}");

    @Test
    void anExchangeShowsOnTheOrderWithTheStepItsStateAllowsAndTheReplacementsShipmentIsSent() throws Exception {
        WAS.answer("GET /api/admin/orders/ON260617-AAAA1111", 200, EXCHANGING);
        WAS.answer("POST /api/admin/orders/ON260617-AAAA1111/exchange/shipment", 200, EXCHANGING);
        mvc.perform(get("/orders/ON260617-AAAA1111").header("Accept-Language", "ko").with(as("kim", "ORDER_MANAGER")))
                .andDo(snapshot("order-exchange"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-exchange-status=\"RECEIVED\""),
                        containsString("반품 상품 입고"), containsString("data-move=\"exchange/shipment\""),
                        not(containsString("data-move=\"exchange/approval\"")),
                        not(containsString("data-move=\"return/request\"")))));
        mvc.perform(get("/orders/ON260617-AAAA1111").with(as("viewer", "VIEWER")))
                .andExpect(content().string(not(containsString("data-move=\"exchange/shipment\""))));
        mvc.perform(post("/orders/ON260617-AAAA1111/exchange/shipment").param("carrier", "CJ")
                        .param("trackingNumber", "3333-4444").with(as("kim", "ORDER_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/orders/ON260617-AAAA1111"));
        var call = WAS.calls("POST").getFirst();
        assertThat(call.path()).isEqualTo("/api/admin/orders/ON260617-AAAA1111/exchange/shipment");
        assertThat(call.body()).contains("\"trackingNumber\":\"3333-4444\"");
        assertThat(call.operator()).isEqualTo("kim");
        mvc.perform(post("/orders/ON260617-AAAA1111/exchange/approval").with(as("fin", "FINANCE")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    static final String SHOPPERS_EXCHANGE = EXCHANGING.replace("\"status\":\"RECEIVED\"", "\"status\":\"REQUESTED\"")
            .replace("\"quantity\":1,\"shipment\":null}", "\"quantity\":1,\"shipment\":null,\"grounds\":"
                    + "{\"reason\":\"OTHER_VARIANT\",\"note\":\"60 capsules please\"}}");

    static final String SHOPPERS_RETURN = ORDER.replace("\"status\":\"PREPARING\",\"returnStatus\":null",
            "\"status\":\"DELIVERED\",\"returnStatus\":\"REQUESTED\"").replace("\"shipment\":null}",
            "\"shipment\":null,\"returnGrounds\":{\"reason\":\"DAMAGED\",\"note\":null}}");

    @Test
    void theShoppersReasonForAnExchangeOrAReturnShowsOnTheOrderInKoreanAndEnglish() throws Exception {
        WAS.answer("GET /api/admin/orders/ON260617-AAAA1111", 200, SHOPPERS_EXCHANGE);
        mvc.perform(get("/orders/ON260617-AAAA1111").header("Accept-Language", "ko").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-reason=\"OTHER_VARIANT\""),
                        containsString("신청 사유"), containsString("다른 옵션 희망"),
                        containsString("60 capsules please"), containsString("data-move=\"exchange/approval\""))));
        mvc.perform(get("/orders/ON260617-AAAA1111").header("Accept-Language", "en").with(as("kim", "ORDER_MANAGER")))
                .andExpect(content().string(allOf(containsString("Wants another variant"),
                        not(containsString("data-return-reason")))));
        WAS.answer("GET /api/admin/orders/ON260617-AAAA1111", 200, SHOPPERS_RETURN);
        mvc.perform(get("/orders/ON260617-AAAA1111").header("Accept-Language", "ko").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-return-reason"), containsString("배송 중 파손"),
                        not(containsString("data-return-note")))));
    }
}
