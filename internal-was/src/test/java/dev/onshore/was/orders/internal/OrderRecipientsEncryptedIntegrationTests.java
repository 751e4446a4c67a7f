package dev.onshore.was.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.TestSmtp;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 11 on a real MariaDB: an order's recipient (name, address, phone, e-mail address) never reaches the table
 * in clear, every reader still sees it, and orders placed before the encryption are encrypted by migration 69.1.
 */
class OrderRecipientsEncryptedIntegrationTests extends ShopTestSupport {

    private static final String SKU = "HS-VITC-1000";
    private static final String NAME = "Sulastri Pranoto";
    private static final String STREET = "Jl. Kenanga Rahasia 77";
    private static final String PHONE = "+62 811 7777 4242";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    OrderRecipientEncryption migration;

    /** Places an order in Indonesia for {@link #NAME} with this e-mail address; its number. */
    private String placeFor(String email) throws Exception {
        var token = cart("ID");
        assertStatus(add(token, SKU, 1), 200);
        var body = """
                {"address":{"country":"ID","recipient":"%s","addressLine1":"%s","city":"Bandung",
                 "region":"Jawa Barat","postalCode":"40115","phone":"%s"},"shippingMethod":"standard","email":"%s"}"""
                .formatted(NAME, STREET, PHONE, email);
        var placed = placeOrder(token, UUID.randomUUID().toString(), body);
        assertStatus(placed, 201);
        return JsonPath.read(placed.getResponse().getContentAsString(), "$.order.number");
    }

    private List<String> stored(String number) {
        return jdbc.sql("SELECT ship_to, email FROM shop_order WHERE number = ?").param(number)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).single();
    }

    private String admin(MockHttpServletRequestBuilder request) throws Exception {
        var result = mvc.perform(request.header("Authorization", OperatorsRealm.serviceToken())
                .header("X-Onshore-Operator", "kim").header("X-Onshore-Operator-Roles", "ORDER_MANAGER")).andReturn();
        assertStatus(result, 200);
        return result.getResponse().getContentAsString();
    }

    @Test
    void anOrdersRecipientIsStoredEncryptedAndOperatorsAndMailsStillReadIt() throws Exception {
        var email = "encrypted-" + UUID.randomUUID() + "@example.com";
        var number = placeFor(email);

        var raw = stored(number);
        assertThat(raw).allSatisfy(value -> assertThat(value).startsWith("pii1:kit:").doesNotContain("Sulastri")
                .doesNotContain("Pranoto").doesNotContain("Kenanga").doesNotContain("7777").doesNotContain("Bandung")
                .doesNotContain("encrypted-").doesNotContain("example.com"));

        var detail = admin(get("/api/admin/orders/" + number));
        assertThat(JsonPath.<String>read(detail, "$.shipTo")).contains(NAME).contains(STREET).contains(PHONE);
        var search = admin(get("/api/admin/orders").param("market", "ID").param("size", "200"));
        assertThat(JsonPath.<List<String>>read(search, "$.orders[?(@.number == '" + number + "')].shipTo"))
                .singleElement().asString().contains(NAME).contains(STREET);
        assertThat(ordersTo(email)).isOne();
        await("the order mail to the decrypted address", () -> !TestSmtp.receivedBy(email).isEmpty());
    }

    @Test
    void migration69Point1EncryptsOrdersPlacedInClearOnceAndLeavesEncryptedOnesAlone() throws Exception {
        assertThat(jdbc.sql("SELECT description FROM flyway_schema_history WHERE version = '69.1' AND success")
                .query(String.class).single()).isEqualTo("encrypt order recipients");
        var email = "before-69-" + UUID.randomUUID() + "@example.com";
        var number = placeFor(email);
        var shipTo = NAME + "\n" + STREET + "\nBandung\nJawa Barat 40115\n" + PHONE + "\nID";
        jdbc.sql("UPDATE shop_order SET ship_to = ?, email = ? WHERE number = ?").params(shipTo, email, number)
                .update();
        var untouched = placeFor("after-69-" + UUID.randomUUID() + "@example.com");
        var encryptedBefore = stored(untouched);

        migrate();

        var raw = stored(number);
        assertThat(raw).allSatisfy(value -> assertThat(value).startsWith("pii1:kit:").doesNotContain("Sulastri")
                .doesNotContain("before-69-"));
        assertThat(pii.convertToEntityAttribute(raw.get(0))).isEqualTo(shipTo);
        assertThat(pii.convertToEntityAttribute(raw.get(1))).isEqualTo(email);
        assertThat(stored(untouched)).isEqualTo(encryptedBefore);
        assertThat(JsonPath.<String>read(admin(get("/api/admin/orders/" + number)), "$.shipTo")).isEqualTo(shipTo);

        migrate();

        assertThat(stored(number)).isEqualTo(raw);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE ship_to NOT LIKE 'pii1:%' OR email NOT LIKE"
                + " 'pii1:%'").query(Integer.class).single()).isZero();
    }

    /** Runs migration 69.1 as Flyway would, on one connection in one transaction. */
    private void migrate() throws Exception {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            migration.migrate(context(connection));
            connection.commit();
        }
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return (Configuration) Proxy.newProxyInstance(Configuration.class.getClassLoader(),
                        new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                            throw new UnsupportedOperationException(method.getName());
                        });
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
