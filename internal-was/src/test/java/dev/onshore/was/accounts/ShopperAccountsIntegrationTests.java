package dev.onshore.was.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.i18n.context.ShopperChoice;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.AccountTestSupport;
import dev.onshore.was.TestSmtp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The account API on real MariaDB with a real PII key file: profile and preferences, the address book with the
 * checkout's address rules, other shoppers' ids unknown, and erasure with anonymised orders and a confirmation mail.
 */
class ShopperAccountsIntegrationTests extends AccountTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShopperAccounts accounts;

    private static String shopper() {
        return OperatorsRealm.shopperToken("acc-" + UUID.randomUUID());
    }

    private MvcResult call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", token)).andReturn();
    }

    private MvcResult json(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header("Authorization", token).header("Accept-Language", "id-ID")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    private static void assertProblem(MvcResult result, int status, String type, String title) throws Exception {
        assertStatus(result, status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(body(result), "$.type")).endsWith(type);
        assertThat(JsonPath.<String>read(body(result), "$.title")).isEqualTo(title);
    }

    @Test
    void aShopperSavesTheProfileAndPreferencesEncryptedAndBadValuesAreNamedProblems() throws Exception {
        var subject = "acc-" + UUID.randomUUID();
        var email = subject + "@example.com";
        var token = OperatorsRealm.shopperToken(subject, email);

        var empty = call(get("/api/shop/v1/account"), token);
        assertStatus(empty, 200);
        assertThat(JsonPath.<String>read(body(empty), "$.email")).isEqualTo(email);
        assertThat(JsonPath.<Object>read(body(empty), "$.displayName")).isNull();

        assertStatus(json(put("/api/shop/v1/account"), token, """
                {"displayName":"Ani Wijaya","phone":"+62 812 3456 7890","market":"ID","locale":"en-US",
                 "currency":"IDR","timeZone":"Asia/Makassar"}"""), 200);
        var saved = body(call(get("/api/shop/v1/account"), token));
        assertThat(JsonPath.<String>read(saved, "$.displayName")).isEqualTo("Ani Wijaya");
        assertThat(JsonPath.<String>read(saved, "$.phone")).isEqualTo("+62 812 3456 7890");
        assertThat(JsonPath.<String>read(saved, "$.market")).isEqualTo("ID");
        assertThat(JsonPath.<String>read(saved, "$.locale")).isEqualTo("en-US");
        assertThat(JsonPath.<String>read(saved, "$.timeZone")).isEqualTo("Asia/Makassar");
        var stored = jdbc.sql("SELECT display_name, phone FROM shopper_profile WHERE subject = ?").param(subject)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(stored).allSatisfy(value -> assertThat(value).startsWith("pii1:kit:").doesNotContain("Ani"));

        var phone = json(put("/api/shop/v1/account"), token, "{\"phone\":\"call me maybe\"}");
        assertProblem(phone, 400, "/account/invalid-input", "Data akun tidak valid");
        assertThat(JsonPath.<String>read(body(phone), "$.field")).isEqualTo("phone");
        assertThat(JsonPath.<String>read(body(phone), "$.detail")).isEqualTo("Nomor telepon kosong atau tidak valid.");
        var foreign = json(put("/api/shop/v1/account"), token, "{\"market\":\"ID\",\"locale\":\"ko-KR\"}");
        assertProblem(foreign, 400, "/account/invalid-input", "Data akun tidak valid");
        assertThat(JsonPath.<String>read(body(foreign), "$.code")).isEqualTo("not-in-market");
        assertThat(JsonPath.<String>read(body(json(put("/api/shop/v1/account"), token, "{\"market\":\"ZZ\"}")),
                "$.field")).isEqualTo("market");
        assertThat(JsonPath.<String>read(body(json(put("/api/shop/v1/account"), token, "{\"timeZone\":\"Mars/Base\"}")),
                "$.field")).isEqualTo("timeZone");
        assertThat(JsonPath.<String>read(body(json(put("/api/shop/v1/account"), token, "{\"currency\":\"XXX\"}")),
                "$.field")).isEqualTo("currency");
        assertThat(JsonPath.<String>read(body(json(put("/api/shop/v1/account"), token,
                "{\"displayName\":\"" + "n".repeat(101) + "\"}")), "$.code")).isEqualTo("too-long");
        assertProblem(json(put("/api/shop/v1/account"), token, "{not json"), 400, "/invalid-request",
                "Permintaan tidak valid");
        // Refusals changed nothing.
        assertThat(JsonPath.<String>read(body(call(get("/api/shop/v1/account"), token)), "$.phone"))
                .isEqualTo("+62 812 3456 7890");
        // Without a shopper's token there is no account.
        assertStatus(mvc.perform(get("/api/shop/v1/account")).andReturn(), 401);
        assertStatus(mvc.perform(get("/api/shop/v1/account").header("Authorization", OperatorsRealm.serviceToken()))
                .andReturn(), 401);
    }

    @Test
    void theAddressBookKeepsSeveralAddressesOnePreferredByTheCheckoutsRulesAndHidesThemFromOthers() throws Exception {
        var token = shopper();
        var first = json(post("/api/shop/v1/account/addresses"), token, address("ID"));
        assertStatus(first, 201);
        String home = JsonPath.read(body(first), "$.id");
        assertThat(JsonPath.<Boolean>read(body(first), "$.preferred")).isTrue();
        var second = json(post("/api/shop/v1/account/addresses"), token, address("US"));
        assertStatus(second, 201);
        String office = JsonPath.read(body(second), "$.id");
        assertThat(JsonPath.<Boolean>read(body(second), "$.preferred")).isFalse();
        assertThat(JsonPath.<String>read(body(second), "$.city")).isEqualTo("Cupertino");
        assertThat(jdbc.sql("SELECT fields FROM shopper_address WHERE id = ?").param(office).query(String.class)
                .single()).startsWith("pii1:").doesNotContain("Cupertino");

        // The same rules as checkout: an Indonesian address needs its five-digit postal code.
        var invalid = json(post("/api/shop/v1/account/addresses"), token,
                address("ID").replace("\"40115\"", "\"4011\""));
        assertProblem(invalid, 400, "/account/invalid-input", "Data akun tidak valid");
        assertThat(JsonPath.<List<String>>read(body(invalid), "$.errors[*].field")).containsExactly("POSTAL_CODE");
        var empty = json(post("/api/shop/v1/account/addresses"), token, "{\"country\":\"ID\"}");
        assertThat(JsonPath.<List<String>>read(body(empty), "$.errors[*].field")).contains("RECIPIENT",
                "ADDRESS_LINE1", "POSTAL_CODE");
        assertThat(JsonPath.<List<String>>read(body(json(post("/api/shop/v1/account/addresses"), token,
                address("ID").replace("\"ID\"", "\"ZZ\""))), "$.errors[*].field")).containsExactly("COUNTRY");

        assertStatus(call(post("/api/shop/v1/account/addresses/" + office + "/preferred"), token), 200);
        var list = body(call(get("/api/shop/v1/account/addresses"), token));
        assertThat(JsonPath.<List<String>>read(list, "$[*].id")).containsExactly(office, home);
        assertThat(JsonPath.<List<Boolean>>read(list, "$[*].preferred")).containsExactly(true, false);

        var moved = json(put("/api/shop/v1/account/addresses/" + home), token,
                address("ID").replace("Bandung", "Jakarta Pusat").replace("Jawa Barat", "DKI Jakarta"));
        assertStatus(moved, 200);
        assertThat(JsonPath.<String>read(body(moved), "$.city")).isEqualTo("Jakarta Pusat");
        assertProblem(json(put("/api/shop/v1/account/addresses/" + home), token, "{\"country\":\"ID\"}"), 400,
                "/account/invalid-input", "Data akun tidak valid");

        // Another shopper knows none of these ids: 404, as for an id that does not exist, and nothing changes.
        var other = shopper();
        for (var request : List.of(get("/api/shop/v1/account/addresses/" + home),
                post("/api/shop/v1/account/addresses/" + home + "/preferred"),
                delete("/api/shop/v1/account/addresses/" + home))) {
            assertProblem(json(request, other, ""), 404, "/account/unknown-address", "Alamat tidak dikenal");
        }
        assertProblem(json(put("/api/shop/v1/account/addresses/" + home), other, address("ID")), 404,
                "/account/unknown-address", "Alamat tidak dikenal");
        assertStatus(call(get("/api/shop/v1/account/addresses/" + UUID.randomUUID()), token), 404);
        assertStatus(call(get("/api/shop/v1/account/addresses/not-an-id"), token), 404);
        assertThat(JsonPath.<List<Object>>read(body(call(get("/api/shop/v1/account/addresses"), other)), "$"))
                .isEmpty();
        assertThat(JsonPath.<String>read(body(call(get("/api/shop/v1/account/addresses/" + home), token)), "$.city"))
                .isEqualTo("Jakarta Pusat");

        // Removing the preferred address makes the remaining one preferred.
        assertStatus(call(delete("/api/shop/v1/account/addresses/" + office), token), 204);
        var left = body(call(get("/api/shop/v1/account/addresses"), token));
        assertThat(JsonPath.<List<String>>read(left, "$[*].id")).containsExactly(home);
        assertThat(JsonPath.<List<Boolean>>read(left, "$[*].preferred")).containsExactly(true);
        assertStatus(call(delete("/api/shop/v1/account/addresses/" + office), token), 404);
    }

    @Test
    void erasureDeletesTheAccountAnonymisesPastOrdersAndConfirmsByMailButWaitsForOpenOrders() throws Exception {
        var subject = "erase-" + UUID.randomUUID();
        var email = subject + "@example.com";
        var token = OperatorsRealm.shopperToken(subject, email);
        assertStatus(json(put("/api/shop/v1/account"), token, "{\"displayName\":\"Ani Wijaya\",\"market\":\"ID\"}"),
                200);
        assertStatus(json(post("/api/shop/v1/account/addresses"), token, address("ID")), 201);
        var placed = memberOrder(token);
        String number = JsonPath.read(placed, "$.order.number");

        assertProblem(json(post("/api/shop/v1/account/erasure"), token, "{\"confirm\":true}"), 409,
                "/account/open-orders", "Masih ada pesanan aktif");
        assertStatus(call(post("/api/shop/v1/orders/" + number + "/cancel"), token), 200);
        var unconfirmed = json(post("/api/shop/v1/account/erasure"), token, "{}");
        assertProblem(unconfirmed, 400, "/account/invalid-input", "Data akun tidak valid");
        assertThat(JsonPath.<String>read(body(unconfirmed), "$.field")).isEqualTo("confirm");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shopper_address WHERE subject = ?").param(subject)
                .query(Integer.class).single()).isOne();

        var erased = json(post("/api/shop/v1/account/erasure"), token, "{\"confirm\":true}");
        assertStatus(erased, 200);
        assertThat(JsonPath.<Integer>read(body(erased), "$.addressesDeleted")).isOne();
        assertThat(JsonPath.<Integer>read(body(erased), "$.ordersAnonymised")).isOne();
        assertThat(JsonPath.<Boolean>read(body(erased), "$.identityPending")).isTrue();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM shopper_profile WHERE subject = ?").param(subject)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shopper_address WHERE subject = ?").param(subject)
                .query(Integer.class).single()).isZero();
        var order = jdbc.sql("SELECT member_subject, email, ship_to, total FROM shop_order WHERE number = ?")
                .param(number).query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4).toPlainString()}).single();
        assertThat(order[0]).isNull();
        assertThat(order[1]).startsWith("pii1:");
        assertThat(pii.convertToEntityAttribute(order[1])).isEqualTo("erased@invalid");
        assertThat(order[2]).startsWith("pii1:");
        assertThat(pii.convertToEntityAttribute(order[2])).doesNotContain("Ani").doesNotContain("Merdeka").doesNotContain("+62").contains("ID");
        assertThat(new java.math.BigDecimal(order[3])).isPositive();

        await("the confirmation mail", () -> TestSmtp.receivedBy(email).size() == 1);
        assertThat(TestSmtp.receivedBy(email).getFirst().getSubject()).isEqualTo("Akun Anda telah dihapus");
        await("the address forgotten", () -> jdbc.sql("""
                SELECT COUNT(*) FROM account_erasure WHERE subject = ? AND email IS NULL AND orders_anonymised = 1""")
                .param(subject).query(Integer.class).single() == 1);
        assertThat(JsonPath.<Object>read(body(call(get("/api/shop/v1/account"), token)), "$.displayName")).isNull();
    }

    @Test
    void aTokenIssuedBeforeTheErasureWritesNoPersonalDataAgainAndIsToldTheAccountIsGone() throws Exception {
        var subject = "erased-" + UUID.randomUUID();
        var email = subject + "@example.com";
        var token = OperatorsRealm.shopperToken(subject, email);
        assertStatus(json(post("/api/shop/v1/account/addresses"), token, address("ID")), 201);
        assertStatus(json(post("/api/shop/v1/account/erasure"), token, "{\"confirm\":true}"), 200);

        // The access token lives on for up to 5 minutes: every write is refused, for good (410), in the caller's
        // language, under one stable type.
        assertProblem(json(put("/api/shop/v1/account"), token, "{\"displayName\":\"Ani Wijaya\",\"market\":\"ID\"}"),
                410, "/account/erased", "Akun telah dihapus");
        var address = json(post("/api/shop/v1/account/addresses"), token, address("ID"));
        assertProblem(address, 410, "/account/erased", "Akun telah dihapus");
        assertThat(JsonPath.<String>read(body(address), "$.detail")).startsWith("Akun ini telah dihapus");
        assertProblem(json(post("/api/shop/v1/account/erasure"), token, "{\"confirm\":true}"), 410,
                "/account/erased", "Akun telah dihapus");
        assertStatus(json(post("/api/shop/v1/cart"), token, "{\"market\":\"ID\"}"), 201);
        assertStatus(json(post("/api/shop/v1/cart/lines"), token, "{\"sku\":\"HS-COLLAGEN-TAB\",\"quantity\":1}"),
                200);
        var order = mvc.perform(post("/api/shop/v1/orders").header("Authorization", token)
                .header("Accept-Language", "id-ID").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(checkout("ID"))).andReturn();
        assertProblem(order, 410, "/account/erased", "Akun telah dihapus");
        // Nor do the storefront's seams: the market choice and a login before the realm user is gone.
        assertThatThrownBy(() -> accounts.saveChoice(subject,
                new ShopperChoice("ID", null, null, null))).isInstanceOf(AccountErasedException.class);
        accounts.recordLogin(subject, email);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM shopper_profile WHERE subject = ?").param(subject)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shopper_address WHERE subject = ?").param(subject)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE member_subject = ? OR email = ?")
                .params(subject, email).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_erasure WHERE subject = ?").param(subject)
                .query(Integer.class).single()).isOne();
    }

    private String memberOrder(String token) throws Exception {
        assertStatus(mvc.perform(post("/api/shop/v1/cart").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"market\":\"ID\"}")).andReturn(), 201);
        assertStatus(mvc.perform(post("/api/shop/v1/cart/lines").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"sku\":\"HS-COLLAGEN-TAB\",\"quantity\":1}"))
                .andReturn(), 200);
        var placed = mvc.perform(post("/api/shop/v1/orders").header("Authorization", token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(checkout("ID"))).andReturn();
        assertStatus(placed, 201);
        return placed.getResponse().getContentAsString();
    }
}
