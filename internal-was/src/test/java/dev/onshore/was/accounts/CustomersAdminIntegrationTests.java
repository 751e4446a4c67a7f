package dev.onshore.was.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.AccountTestSupport;
import dev.onshore.was.OperatorsRealm;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers in the admin API on real MariaDB with a real PII key file: the exact e-mail search through the blind
 * index (the address itself stored encrypted), the search by order number, masked lists, the audited reveal, the
 * dormant flag, and the blacklist (audited, optimistic locking) that makes checkout refuse the shopper.
 */
class CustomersAdminIntegrationTests extends AccountTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShopperAccounts accounts;

    @Autowired
    Clock clock;

    @Autowired
    CustomerStanding standing;

    @Autowired
    TransactionTemplate transactions;

    private MvcResult as(MockHttpServletRequestBuilder request, String roles) throws Exception {
        return mvc.perform(request.header("Authorization", OperatorsRealm.serviceToken())
                .header("X-Onshore-Operator", "kim").header("X-Onshore-Operator-Roles", roles)
                .header("Accept-Language", "ko")).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    /** A member who logged in with {@code email} and ordered once in Indonesia; the order's number. */
    private String memberWithOrder(String subject, String email) throws Exception {
        accounts.recordLogin(subject, email);
        var placed = checkoutAs(memberCart(subject, email), email);
        assertStatus(placed, 201);
        return JsonPath.read(body(placed), "$.order.number");
    }

    /** The member's new cart in Indonesia with one collagen tablet in it; the member's token. */
    private String memberCart(String subject, String email) throws Exception {
        var member = OperatorsRealm.shopperToken(subject, email);
        assertStatus(mvc.perform(post("/api/shop/v1/cart").header("Authorization", member)
                .contentType(MediaType.APPLICATION_JSON).content("{\"market\":\"ID\"}")).andReturn(), 201);
        addCollagen(member);
        return member;
    }

    private void addCollagen(String member) throws Exception {
        assertStatus(mvc.perform(post("/api/shop/v1/cart/lines").header("Authorization", member)
                .contentType(MediaType.APPLICATION_JSON).content("{\"sku\":\"HS-COLLAGEN-TAB\",\"quantity\":1}"))
                .andReturn(), 200);
    }

    private MvcResult checkoutAs(String member, String email) throws Exception {
        return mvc.perform(post("/api/shop/v1/orders").header("Authorization", member)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Accept-Language", "ko")
                .contentType(MediaType.APPLICATION_JSON).content(checkoutTo(email))).andReturn();
    }

    /** A guest's new cart in Indonesia with one collagen tablet in it; its token. */
    private String guestCart() throws Exception {
        var token = cart("ID");
        assertStatus(add(token, "HS-COLLAGEN-TAB", 1), 200);
        return token;
    }

    private MvcResult guestCheckout(String cart, String email) throws Exception {
        return placeOrder(cart, UUID.randomUUID().toString(), checkoutTo(email));
    }

    /** Standard shipping to the Indonesian test address, the order's mails to {@code email}. */
    private static String checkoutTo(String email) {
        return """
                {"address":%s,"shippingMethod":"standard","email":"%s"}""".formatted(address("ID"), email);
    }

    private MvcResult blacklist(String subject, String change, String roles) throws Exception {
        return as(put("/api/admin/customers/" + subject + "/blacklist").contentType(MediaType.APPLICATION_JSON)
                .content(change), roles);
    }

    private MvcResult blacklistGuest(String number, String change, String roles) throws Exception {
        return as(put("/api/admin/customers/guests/" + number + "/blacklist").contentType(MediaType.APPLICATION_JSON)
                .content(change), roles);
    }

    private long audits(String action, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND target = ? AND actor = 'kim'")
                .params(action, "customer:" + subject).query(Long.class).single();
    }

    @Test
    void anExactEmailFindsTheCustomerThroughTheBlindIndexAndListsShowItMasked() throws Exception {
        var subject = "cust-" + UUID.randomUUID();
        var email = subject + "@Example.com";
        var number = memberWithOrder(subject, email);

        var stored = jdbc.sql("SELECT email, email_index FROM shopper_profile WHERE subject = ?").param(subject)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(stored.get(0)).startsWith("pii1:kit:").doesNotContain("example");
        assertThat(stored.get(1)).matches("[0-9a-f]{64}");

        assertStatus(as(get("/api/admin/customers").param("email", email), "VIEWER"), 403);
        var found = as(get("/api/admin/customers").param("email", "  " + email.toUpperCase() + " "), "ORDER_MANAGER");
        assertStatus(found, 200);
        assertThat(JsonPath.<Integer>read(body(found), "$.total")).isEqualTo(1);
        assertThat(JsonPath.<String>read(body(found), "$.customers[0].subject")).isEqualTo(subject);
        assertThat(JsonPath.<String>read(body(found), "$.customers[0].email")).isEqualTo("c***@Example.com");
        assertThat(body(found)).doesNotContain(subject + "@");

        var byOrder = as(get("/api/admin/customers").param("order", number), "ORDER_MANAGER");
        assertThat(JsonPath.<List<String>>read(body(byOrder), "$.customers[*].subject")).containsExactly(subject);
        assertThat(JsonPath.<Integer>read(body(as(get("/api/admin/customers").param("email", "nobody@example.com"),
                "ORDER_MANAGER")), "$.total")).isZero();
        var bad = as(get("/api/admin/customers").param("email", "not an address"), "ORDER_MANAGER");
        assertStatus(bad, 400);
        assertThat(JsonPath.<String>read(body(bad), "$.errors[0].field")).isEqualTo("email");

        var detail = as(get("/api/admin/customers/" + subject), "ADMIN");
        assertStatus(detail, 200);
        assertThat(JsonPath.<List<String>>read(body(detail), "$.orders[*].number")).containsExactly(number);
        assertThat(JsonPath.<Boolean>read(body(detail), "$.summary.dormant")).isFalse();
        assertThat(JsonPath.<Boolean>read(body(detail), "$.summary.blocked")).isFalse();
    }

    @Test
    void revealingPersonalValuesIsForOrderManagersAndIsAudited() throws Exception {
        var subject = "cust-" + UUID.randomUUID();
        accounts.recordLogin(subject, subject + "@example.com");
        accounts.updateProfile(subject, new ProfileChange("김민지", "+82 10 1234 5678", null, null, null, null));
        var masked = body(as(get("/api/admin/customers/" + subject), "ORDER_MANAGER"));
        assertThat(JsonPath.<String>read(masked, "$.name")).isEqualTo("김**");
        assertThat(JsonPath.<String>read(masked, "$.phone")).isEqualTo("********78");

        assertStatus(as(post("/api/admin/customers/" + subject + "/reveal"), "VIEWER"), 403);
        assertThat(audits("customer.reveal", subject)).isZero();
        var revealed = as(post("/api/admin/customers/" + subject + "/reveal"), "ORDER_MANAGER");
        assertStatus(revealed, 200);
        assertThat(JsonPath.<String>read(body(revealed), "$.email")).isEqualTo(subject + "@example.com");
        assertThat(JsonPath.<String>read(body(revealed), "$.name")).isEqualTo("김민지");
        assertThat(audits("customer.reveal", subject)).isEqualTo(1);
        var unknown = as(post("/api/admin/customers/nobody-" + UUID.randomUUID() + "/reveal"), "ORDER_MANAGER");
        assertStatus(unknown, 404);
        assertThat(JsonPath.<String>read(body(unknown), "$.title")).isEqualTo("알 수 없는 고객");
    }

    @Test
    void anAccountWithoutLoginOrOrderForAYearIsDormant() throws Exception {
        var subject = "cust-" + UUID.randomUUID();
        accounts.recordLogin(subject, subject + "@example.com");
        var longAgo = Timestamp.from(clock.instant().minus(Duration.ofDays(400)));
        jdbc.sql("UPDATE shopper_profile SET last_login_at = ?, created_at = ?, updated_at = ? WHERE subject = ?")
                .params(longAgo, longAgo, longAgo, subject).update();
        var detail = body(as(get("/api/admin/customers/" + subject), "ORDER_MANAGER"));
        assertThat(JsonPath.<Boolean>read(detail, "$.summary.dormant")).isTrue();

        var recent = Timestamp.from(clock.instant().minus(Duration.ofDays(300)));
        jdbc.sql("UPDATE shopper_profile SET last_login_at = ? WHERE subject = ?").params(recent, subject).update();
        assertThat(JsonPath.<Boolean>read(body(as(get("/api/admin/customers/" + subject), "ORDER_MANAGER")),
                "$.summary.dormant")).isFalse();
    }

    @Test
    void aBlacklistedShopperCannotCheckOutAndAStaleToggleChangesNothing() throws Exception {
        var subject = "cust-" + UUID.randomUUID();
        var email = subject + "@example.com";
        memberWithOrder(subject, email);

        var missing = blacklist(subject, "{\"blocked\":true,\"version\":0}", "ORDER_MANAGER");
        assertStatus(missing, 400);
        assertThat(JsonPath.<String>read(body(missing), "$.errors[0].field")).isEqualTo("reason");
        assertStatus(blacklist(subject, "{\"blocked\":true,\"reason\":\"x\",\"version\":0}", "VIEWER"), 403);

        var blocked = blacklist(subject, "{\"blocked\":true,\"reason\":\"chargeback fraud\",\"version\":0}",
                "ORDER_MANAGER");
        assertStatus(blocked, 200);
        assertThat(JsonPath.<Boolean>read(body(blocked), "$.summary.blocked")).isTrue();
        assertThat(JsonPath.<String>read(body(blocked), "$.blockReason")).isEqualTo("chargeback fraud");
        assertThat(JsonPath.<String>read(body(blocked), "$.blockChangedBy")).isEqualTo("kim");
        assertThat(JsonPath.<Integer>read(body(blocked), "$.version")).isEqualTo(1);
        assertThat(audits("customer.blacklist", subject)).isEqualTo(1);

        var stale = blacklist(subject, "{\"blocked\":false,\"reason\":\"mistake\",\"version\":0}", "ORDER_MANAGER");
        assertStatus(stale, 409);
        assertThat(JsonPath.<String>read(body(stale), "$.type")).endsWith("/stale-customer");
        assertThat(JsonPath.<Integer>read(body(stale), "$.currentVersion")).isEqualTo(1);
        assertThat(audits("customer.blacklist", subject)).isEqualTo(1);

        // The member, and the same address as a guest, are refused with the shopper's language.
        var member = OperatorsRealm.shopperToken(subject, email);
        addCollagen(member);
        var refused = checkoutAs(member, email);
        assertStatus(refused, 422);
        assertThat(JsonPath.<String>read(body(refused), "$.code")).isEqualTo("customer-blocked");
        assertThat(JsonPath.<String>read(body(refused), "$.title")).isEqualTo("주문할 수 없음");
        var guest = guestCheckout(guestCart(), email.toUpperCase());
        assertStatus(guest, 422);

        var lifted = blacklist(subject, "{\"blocked\":false,\"reason\":\"resolved with the bank\",\"version\":1}",
                "ORDER_MANAGER");
        assertStatus(lifted, 200);
        assertStatus(checkoutAs(member, email), 201);
    }

    @Test
    void theBlacklistOutlivesTheErasureOfTheAccountByItsAddressesBlindIndexOnly() throws Exception {
        var subject = "gone-" + UUID.randomUUID();
        var email = subject + "@example.com";
        accounts.recordLogin(subject, email);
        assertStatus(blacklist(subject, "{\"blocked\":true,\"reason\":\"chargeback fraud\",\"version\":0}",
                "ORDER_MANAGER"), 200);

        accounts.erase(subject, email, "ko");

        // Only the address's keyed index is kept: no address, no subject.
        var kept = jdbc.sql("SELECT email_index FROM blacklisted_email WHERE reason = 'chargeback fraud'")
                .query(String.class).list();
        assertThat(kept).isNotEmpty().allSatisfy(index -> assertThat(index).hasSize(64)
                .doesNotContain(subject).doesNotContainIgnoringCase("example"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shopper_profile WHERE subject = ?").param(subject)
                .query(Long.class).single()).isZero();

        // The same address as a guest (any case) is refused.
        var guest = guestCheckout(guestCart(), " " + email.toUpperCase() + " ");
        assertStatus(guest, 422);
        assertThat(JsonPath.<String>read(body(guest), "$.code")).isEqualTo("customer-blocked");

        // Signing up again with it: the new account starts blacklisted (audited, by the system) and cannot order.
        var again = "again-" + UUID.randomUUID();
        accounts.recordLogin(again, email);
        var detail = as(get("/api/admin/customers/" + again), "ORDER_MANAGER");
        assertStatus(detail, 200);
        assertThat(JsonPath.<Boolean>read(body(detail), "$.summary.blocked")).isTrue();
        assertThat(JsonPath.<String>read(body(detail), "$.blockReason")).isEqualTo("chargeback fraud");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'customer.blacklist' AND target = ? "
                + "AND actor = 'system'").param("customer:" + again).query(Long.class).single()).isOne();
        var member = memberCart(again, email);
        assertStatus(checkoutAs(member, email), 422);

        // An operator lifting it on the new account lifts it for the address.
        assertStatus(blacklist(again, "{\"blocked\":false,\"reason\":\"resolved\",\"version\":1}",
                "ORDER_MANAGER"), 200);
        assertStatus(checkoutAs(member, email), 201);
    }

    @Test
    void anErasureWaitsForAnOrderBeingPlacedAndThenRefusesBecauseOfIt() throws Exception {
        var subject = "racing-" + UUID.randomUUID();
        var email = subject + "@example.com";
        accounts.recordLogin(subject, email);
        var member = memberCart(subject, email);

        // The checkout's transaction is open and holds the account (placing joins it); the erasure starts meanwhile.
        var erasure = new java.util.concurrent.CompletableFuture<Throwable>();
        transactions.executeWithoutResult(status -> {
            standing.holdForOrder(subject);
            Thread.ofVirtual().start(() -> {
                try {
                    accounts.erase(subject, email, "ko");
                    erasure.complete(null);
                } catch (Throwable refused) {
                    erasure.complete(refused);
                }
            });
            waitUntilWaitingForTheAccount(subject);
            try {
                assertStatus(checkoutAs(member, email), 201);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // Once the order committed, the erasure counts it as open and refuses: the order keeps its shopper.
        assertThat(erasure.get(60, java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOf(AccountErasureRefusedException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shopper_profile WHERE subject = ?").param(subject)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE member_subject = ?").param(subject)
                .query(Long.class).single()).isOne();
    }

    /**
     * Until another connection runs a statement on the shopper's account row (the erasure, waiting for its lock). The
     * application's user sees its own connections' statements without the PROCESS privilege.
     */
    private void waitUntilWaitingForTheAccount(String subject) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() "
                + "AND INFO LIKE '%shopper_profile%' AND INSTR(INFO, ?) > 0").param(subject)
                .query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("the erasure waits for the account's lock").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void guestBuyersAreFoundByTheirAddressOrOrderNumberWithTheirOrdersMarkedAsGuests() throws Exception {
        var email = "guest-" + UUID.randomUUID() + "@Example.com";
        var numbers = new java.util.ArrayList<String>();
        for (var i = 0; i < 2; i++) {
            var placed = guestCheckout(guestCart(), i == 0 ? email : " " + email.toLowerCase() + " ");
            assertStatus(placed, 201);
            numbers.add(JsonPath.read(body(placed), "$.order.number"));
        }

        var byEmail = as(get("/api/admin/customers").param("email", email.toUpperCase()), "ORDER_MANAGER");
        assertStatus(byEmail, 200);
        assertThat(JsonPath.<Integer>read(body(byEmail), "$.total")).isZero();
        assertThat(JsonPath.<java.util.List<Object>>read(body(byEmail), "$.guests")).hasSize(1);
        assertThat(JsonPath.<String>read(body(byEmail), "$.guests[0].email")).startsWith("g***@")
                .doesNotContain("guest-");
        assertThat(JsonPath.<java.util.List<String>>read(body(byEmail), "$.guests[0].orders[*].number"))
                .containsExactly(numbers.get(1), numbers.get(0));

        var byOrder = as(get("/api/admin/customers").param("order", numbers.get(0)), "ORDER_MANAGER");
        assertStatus(byOrder, 200);
        assertThat(JsonPath.<java.util.List<String>>read(body(byOrder), "$.guests[0].orders[*].number"))
                .containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(JsonPath.<String>read(body(byOrder), "$.guests[0].market")).isEqualTo("ID");

        // Only the blind index is stored next to the order, never the address in clear.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE email_index IS NOT NULL AND number IN (?, ?)")
                .params(numbers.get(0), numbers.get(1)).query(Long.class).single()).isEqualTo(2);
        // A member's search shows no guests; a VIEWER sees none of it.
        assertStatus(as(get("/api/admin/customers").param("email", email), "VIEWER"), 403);
    }

    @Test
    void aGuestBuyerIsBlacklistedFromTheSearchByTheirAddressesBlindIndexAuditedAndLifted() throws Exception {
        var email = "fraud-guest-" + UUID.randomUUID() + "@Example.com";
        var placed = guestCheckout(guestCart(), email);
        assertStatus(placed, 201);
        String number = JsonPath.read(body(placed), "$.order.number");

        var found = as(get("/api/admin/customers").param("order", number), "ORDER_MANAGER");
        assertThat(JsonPath.<String>read(body(found), "$.guests[0].order")).isEqualTo(number);
        assertThat(JsonPath.<Boolean>read(body(found), "$.guests[0].blocked")).isFalse();

        var change = "{\"blocked\":true,\"reason\":\"chargeback fraud\"}";
        assertStatus(blacklistGuest(number, change, "VIEWER"), 403);
        assertStatus(blacklistGuest(number, "{\"blocked\":true}", "ORDER_MANAGER"), 400);
        var blocked = blacklistGuest(number, change, "ORDER_MANAGER");
        assertStatus(blocked, 200);
        assertThat(JsonPath.<Boolean>read(body(blocked), "$.blocked")).isTrue();
        assertThat(JsonPath.<String>read(body(blocked), "$.blockReason")).isEqualTo("chargeback fraud");
        assertThat(JsonPath.<Boolean>read(body(as(get("/api/admin/customers").param("email", email),
                "ORDER_MANAGER")), "$.guests[0].blocked")).isTrue();

        // Kept by the address's keyed index only; the trail names the order and the operator, not the address.
        var kept = jdbc.sql("SELECT email_index, blocked_by, erased_at FROM blacklisted_email WHERE email_index = "
                + "(SELECT email_index FROM shop_order WHERE number = ?)").param(number)
                .query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getTimestamp(3)).single();
        assertThat(kept).endsWith("|kim|null").doesNotContainIgnoringCase("fraud-guest");
        var audit = jdbc.sql("SELECT CONCAT(actor, ' ', before_json, ' ', after_json) FROM audit_entry "
                + "WHERE action = 'customer.blacklist' AND target = ?").param("guest:" + number)
                .query(String.class).single();
        assertThat(audit).startsWith("kim ").contains("chargeback fraud").doesNotContainIgnoringCase("fraud-guest");

        // The address cannot check out again, as a guest in any case.
        var again = guestCart();
        var refused = guestCheckout(again, email.toUpperCase());
        assertStatus(refused, 422);
        assertThat(JsonPath.<String>read(body(refused), "$.code")).isEqualTo("customer-blocked");

        var lifted = blacklistGuest(number, "{\"blocked\":false,\"reason\":\"resolved\"}", "ORDER_MANAGER");
        assertStatus(lifted, 200);
        assertThat(JsonPath.<Boolean>read(body(lifted), "$.blocked")).isFalse();
        assertStatus(guestCheckout(again, email), 201);

        // Only a guest's order names a guest.
        assertStatus(blacklistGuest("ON000000-NONE0000", change, "ORDER_MANAGER"), 404);
    }
}
