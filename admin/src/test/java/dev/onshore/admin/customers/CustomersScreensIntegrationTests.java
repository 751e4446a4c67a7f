package dev.onshore.admin.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.admin.ScreenTests;
import dev.onshore.admin.StandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The customers screens against an in-process stand-in of the internal WAS's admin API: the search sends what the
 * operator typed, lists and pages stay masked until a reveal (which only the order desk may ask for, and which is
 * never cached), orders link to their page, and the blacklist sends the version seen and shows a stale refusal.
 */
class CustomersScreensIntegrationTests extends ScreenTests {

    static final String SUBJECT = "5f0c1c52-6f7e-4f0e-9a55-0d1c2b3a4e5f";

    static final String PAGE = """
            {"customers":[
              {"subject":"5f0c1c52-6f7e-4f0e-9a55-0d1c2b3a4e5f","email":"k***@example.com","market":"KR",
               "createdAt":"2025-01-10T01:00:00Z","lastLoginAt":"2026-06-17T15:30:00Z",
               "lastActiveAt":"2026-06-17T15:30:00Z","dormant":false,"blocked":true},
              {"subject":"0a0b0c0d-0000-4000-8000-000000000002","email":"a***@example.co.id","market":"ID",
               "createdAt":"2024-03-01T01:00:00Z","lastLoginAt":"2024-03-02T01:00:00Z",
               "lastActiveAt":"2024-03-02T01:00:00Z","dormant":true,"blocked":false}],
             "page":0,"size":20,"total":2}""";

    static final String DETAIL = """
            {"summary":{"subject":"5f0c1c52-6f7e-4f0e-9a55-0d1c2b3a4e5f","email":"k***@example.com","market":"KR",
               "createdAt":"2025-01-10T01:00:00Z","lastLoginAt":"2026-06-17T15:30:00Z",
               "lastActiveAt":"2026-06-17T15:30:00Z","dormant":false,"blocked":false},
             "name":"김**","phone":"********78","locale":"ko-KR","blockReason":null,"blockChangedBy":null,
             "blockChangedAt":null,"version":3,
             "orders":[{"number":"ON260617-AAAA1111","status":"PAID","total":{"amount":39000.0000,"currency":"KRW"},
               "placedAt":"2026-06-17T15:30:00Z"}]}""";

    static final String REVEALED = """
            {"subject":"5f0c1c52-6f7e-4f0e-9a55-0d1c2b3a4e5f","email":"kim.minji@example.com","name":"김민지",
             "phone":"+82 10 1234 5678"}""";

    @RegisterExtension
    static final StandIn WAS = StandIn.start("/api/admin/", call -> new StandIn.Answer(404, """
            {"type":"https://onshore.dev/problems/customer-not-found","status":404,"title":"Unknown customer"}"""))
            .answering("GET /api/admin/customers", 200, PAGE)
            .answering("GET /api/admin/customers/" + SUBJECT, 200, DETAIL)
            .answering("POST /api/admin/customers/" + SUBJECT + "/reveal", 200, REVEALED)
            .answering("PUT /api/admin/customers/" + SUBJECT + "/blacklist", 200, DETAIL);

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        WAS.register(registry);
    }

    @Test
    void theSearchSendsTheExactAddressAndListsCustomersMaskedWithTheirStanding() throws Exception {
        mvc.perform(get("/customers").param("email", " Kim.Minji@Example.com ").param("ignored", "x")
                .param("lang", "ko").with(as("kim", "ORDER_MANAGER"))).andDo(snapshot("admin-customers"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("href=\"/customers/" + SUBJECT + "\""), containsString("k***@example.com"),
                        containsString("data-blocked"), containsString("data-dormant"),
                        containsString("2026-06-18 00:30"), containsString("고객 2명"))));
        assertThat(WAS.calls()).singleElement().satisfies(call -> {
            assertThat(call.uri()).startsWith("/api/admin/customers?").contains("email=Kim.Minji@Example.com")
                    .contains("size=20").doesNotContain("ignored");
            assertThat(call.operator()).isEqualTo("kim");
        });

        WAS.answer("GET /api/admin/customers", 400, """
                {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"Invalid input",
                 "errors":[{"field":"email","code":"pattern","message":"email does not have the required format."}]}""");
        mvc.perform(get("/customers").param("email", "nope").param("lang", "en").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("E-mail address does not have the required format."),
                        not(containsString(">email does not")))));
    }

    @Test
    void aRefusedFieldIsNamedByItsLabelInTheOperatorsLanguageNotByTheRequestParameter() throws Exception {
        // The WAS names the parameter it refused; the screen says which field that is, in Korean.
        WAS.answer("GET /api/admin/customers", 400, """
                {"type":"https://onshore.dev/problems/invalid-input","status":400,"title":"잘못된 입력",
                 "errors":[{"field":"email","code":"pattern","message":"email의 형식이 올바르지 않습니다."},
                           {"field":"order","code":"tooLong","message":"order이(가) 너무 깁니다."}]}""");
        mvc.perform(get("/customers").param("email", "nope").param("lang", "ko").with(as("kim", "ORDER_MANAGER")))
                .andDo(snapshot("admin-customers-invalid"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("이메일 주소의 형식이 올바르지 않습니다."),
                        containsString("주문 번호이(가) 너무 깁니다."), not(containsString("email의")),
                        not(containsString(">order이")))));
    }

    @Test
    void guestBuyersFoundBySearchAreListedWithTheirOrdersAndMarkedAsGuests() throws Exception {
        WAS.answer("GET /api/admin/customers", 200, """
                {"customers":[],"page":0,"size":20,"total":0,
                 "guests":[{"email":"g***@example.com","market":"ID","order":"ON260617-GUEST001",
                   "blocked":false,"blockReason":null,
                   "orders":[{"number":"ON260617-GUEST001","status":"PAID",
                     "total":{"amount":150000.0000,"currency":"IDR"},"placedAt":"2026-06-17T15:30:00Z"}]}]}""");

        mvc.perform(get("/customers").param("email", "guest@example.com").param("lang", "ko")
                        .with(as("kim", "ORDER_MANAGER"))).andDo(snapshot("admin-customers-guests"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("data-guest"),
                        containsString("비회원 구매자"), containsString("g***@example.com"),
                        containsString("href=\"/orders/ON260617-GUEST001\""), containsString("2026-06-18 00:30"),
                        containsString("고객 0명"))));
    }

    @Test
    void aGuestBuyerFoundBySearchIsBlacklistedByTheirOrderWithAReason() throws Exception {
        WAS.answer("GET /api/admin/customers", 200, """
                {"customers":[],"page":0,"size":20,"total":0,
                 "guests":[{"email":"g***@example.com","market":"ID","order":"ON260617-GUEST001","blocked":false,
                   "blockReason":null,
                   "orders":[{"number":"ON260617-GUEST001","status":"PAID",
                     "total":{"amount":150000.0000,"currency":"IDR"},"placedAt":"2026-06-17T15:30:00Z"}]}]}""");
        mvc.perform(get("/customers").param("order", "ON260617-GUEST001").param("lang", "ko")
                        .with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("action=\"/customers/guests/ON260617-GUEST001/blacklist\""),
                        containsString("data-blacklist=\"true\""), containsString("블랙리스트에 추가"))));

        WAS.answer("PUT /api/admin/customers/guests/ON260617-GUEST001/blacklist", 200, """
                {"email":"g***@example.com","market":"ID","order":"ON260617-GUEST001","blocked":true,
                 "blockReason":"chargeback fraud","orders":[]}""");
        mvc.perform(post("/customers/guests/ON260617-GUEST001/blacklist").param("blocked", "true")
                        .param("reason", "chargeback fraud").with(as("kim", "ORDER_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/customers?order=ON260617-GUEST001"))
                .andExpect(flash().attribute("notice", "customers.done.guestBlocked"));
        assertThat(WAS.calls().getLast().method()).isEqualTo("PUT");
        assertThat(WAS.calls().getLast().body()).contains("\"blocked\":true")
                .contains("\"reason\":\"chargeback fraud\"");
        assertThat(WAS.calls().getLast().operator()).isEqualTo("kim");

        WAS.answer("GET /api/admin/customers", 200, """
                {"customers":[],"page":0,"size":20,"total":0,
                 "guests":[{"email":"g***@example.com","market":"ID","order":"ON260617-GUEST001","blocked":true,
                   "blockReason":"chargeback fraud",
                   "orders":[{"number":"ON260617-GUEST001","status":"PAID",
                     "total":{"amount":150000.0000,"currency":"IDR"},"placedAt":"2026-06-17T15:30:00Z"}]}]}""");
        mvc.perform(get("/customers").param("order", "ON260617-GUEST001").param("lang", "en")
                        .flashAttr("notice", "customers.done.guestBlocked").with(as("kim", "ORDER_MANAGER")))
                .andDo(snapshot("admin-customers-guest-blacklisted"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("data-blocked"),
                        containsString("chargeback fraud"), containsString("data-blacklist=\"false\""),
                        containsString("The guest buyer is on the blacklist."))));

        WAS.calls().clear();
        mvc.perform(post("/customers/guests/ON260617-GUEST001/blacklist").param("blocked", "true")
                .param("reason", "x").with(as("vera", "VIEWER")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/customers/guests/ON260617-GUEST001/blacklist").param("blocked", "true")
                .param("reason", "x").with(as("kim", "ORDER_MANAGER"))).andExpect(status().isForbidden());
        assertThat(WAS.calls()).isEmpty();
    }

    @Test
    void oneCustomerFoundIsCountedInTheSingular() throws Exception {
        WAS.answer("GET /api/admin/customers", 200, """
                {"customers":[
                  {"subject":"5f0c1c52-6f7e-4f0e-9a55-0d1c2b3a4e5f","email":"k***@example.com","market":"KR",
                   "createdAt":"2025-01-10T01:00:00Z","lastLoginAt":"2026-06-17T15:30:00Z",
                   "lastActiveAt":"2026-06-17T15:30:00Z","dormant":false,"blocked":false}],
                 "page":0,"size":20,"total":1}""");

        mvc.perform(get("/customers").param("email", "kim.minji@example.com").param("lang", "en")
                        .with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">1 customer<"), not(containsString("1 customers")))));
    }

    @Test
    void everyScreenNamesItsIconInlineSoBrowsersDoNotAskForAMissingFavicon() throws Exception {
        mvc.perform(get("/customers").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<link rel=\"icon\" href=\"data:image/svg+xml,")));
    }

    @Test
    void aCustomersPageIsMaskedWithOrdersLinkedAndOnlyTheOrderDeskRevealsUncached() throws Exception {
        mvc.perform(get("/customers/" + SUBJECT).param("lang", "en").with(as("kim", "ORDER_MANAGER")))
                .andDo(snapshot("admin-customer-detail")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("k***@example.com"), containsString("김**"),
                        containsString("href=\"/orders/ON260617-AAAA1111\""), containsString("₩39,000"),
                        containsString("data-reveal"), containsString("name=\"version\" value=\"3\""),
                        not(containsString("kim.minji@example.com")))));
        assertThat(WAS.calls()).noneMatch(call -> call.uri().endsWith("/reveal"));

        mvc.perform(post("/customers/" + SUBJECT + "/reveal").with(as("kim", "ORDER_MANAGER")).with(csrf()))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("kim.minji@example.com"),
                        containsString("김민지"), containsString("+82 10 1234 5678"),
                        containsString("data-revealed"))));
        assertThat(WAS.calls()).filteredOn(call -> call.uri().endsWith("/reveal")).singleElement()
                .satisfies(call -> assertThat(call.method()).isEqualTo("POST"));

                WAS.calls().clear();
        mvc.perform(get("/customers/" + SUBJECT).with(as("vera", "VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(post("/customers/" + SUBJECT + "/reveal").with(as("vera", "VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/customers/" + SUBJECT + "/reveal").with(as("fin", "FINANCE")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/customers/" + SUBJECT + "/reveal").with(as("kim", "ORDER_MANAGER")))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(WAS.calls()).isEmpty();
        mvc.perform(get("/customers/nobody").with(as("kim", "ORDER_MANAGER"))).andExpect(status().isNotFound());
    }

    @Test
    void theBlacklistSendsTheReasonAndTheVersionSeenAndAStaleToggleSaysSo() throws Exception {
        mvc.perform(post("/customers/" + SUBJECT + "/blacklist").param("blocked", "true")
                .param("reason", "chargeback fraud").param("version", "3").with(as("kim", "ORDER_MANAGER"))
                .with(csrf())).andExpect(redirectedUrl("/customers/" + SUBJECT))
                .andExpect(flash().attribute("notice", "customers.done.blocked"));
        assertThat(WAS.calls().getLast().method()).isEqualTo("PUT");
        assertThat(WAS.calls().getLast().body()).contains("\"blocked\":true").contains("\"reason\":\"chargeback fraud\"")
                .contains("\"version\":3");

        WAS.answer("PUT /api/admin/customers/" + SUBJECT + "/blacklist", 409, """
                {"type":"https://onshore.dev/problems/stale-customer","status":409,"title":"Changed by someone else",
                 "detail":"The customer was changed after you opened it (version 3, now 4); nothing was saved.",
                 "editedVersion":3,"currentVersion":4}""");
        var refused = mvc.perform(post("/customers/" + SUBJECT + "/blacklist").param("blocked", "false")
                .param("reason", "mistake").param("version", "3").with(as("kim", "ORDER_MANAGER")).with(csrf()))
                .andExpect(redirectedUrl("/customers/" + SUBJECT)).andExpect(flash().attribute("stale", true))
                .andExpect(flash().attribute("reason", "mistake")).andReturn();
        mvc.perform(get("/customers/" + SUBJECT).flashAttrs(refused.getFlashMap()).with(as("kim", "ORDER_MANAGER")))
                .andExpect(content().string(allOf(containsString("data-stale"),
                        containsString("(version 3, now 4)"), containsString("value=\"mistake\""))));

                WAS.calls().clear();
        mvc.perform(post("/customers/" + SUBJECT + "/blacklist").param("blocked", "true").param("reason", "x")
                .param("version", "3").with(as("vera", "VIEWER")).with(csrf())).andExpect(status().isForbidden());
        assertThat(WAS.calls()).isEmpty();
    }
}
