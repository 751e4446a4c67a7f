package dev.onshore.was.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.ShopTestSupport;
import dev.onshore.was.pii.PiiAttributeConverter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration 85 on a real MariaDB: a guest order placed before migration 79 (its e-mail address encrypted, no blind
 * index) gets the index of its address, so that the back office's exact search finds it by address; erased orders
 * stay unindexed, and running it again changes nothing.
 */
class GuestOrderEmailIndexIntegrationTests extends ShopTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    GuestOrderEmailIndex migration;

    @Autowired
    PiiAttributeConverter pii;

    private String placeAsGuest(String email) throws Exception {
        var token = cart("ID");
        assertStatus(add(token, "HS-VITC-1000", 1), 200);
        var placed = placeOrder(token, UUID.randomUUID().toString(), """
                {"address":%s,"shippingMethod":"standard","email":"%s"}""".formatted(address("ID"), email));
        assertStatus(placed, 201);
        return JsonPath.read(placed.getResponse().getContentAsString(), "$.order.number");
    }

    private @Nullable String index(String number) {
        return jdbc.sql("SELECT email_index FROM shop_order WHERE number = ?").param(number).query(String.class)
                .optional().orElse(null);
    }

    private List<String> guestOrdersFoundBy(String email) throws Exception {
        var result = mvc.perform(get("/api/admin/customers").param("email", email)
                .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "kim")
                .header("X-Onshore-Operator-Roles", "ORDER_MANAGER")).andReturn();
        assertStatus(result, 200);
        return JsonPath.read(result.getResponse().getContentAsString(), "$.guests[*].orders[*].number");
    }

    private int migrate() throws Exception {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            var indexed = migration.index(connection);
            connection.commit();
            return indexed;
        }
    }

    @Test
    void aGuestOrderPlacedBeforeTheIndexExistedIsFoundByItsAddressOnceIndexed() throws Exception {
        var email = "Old-Guest-" + UUID.randomUUID() + "@Example.com";
        var number = placeAsGuest(email);
        // As an order placed before migration 79 is stored: the address encrypted, no index.
        jdbc.sql("UPDATE shop_order SET email_index = NULL WHERE number = ?").param(number).update();
        var erased = placeAsGuest("erased-" + UUID.randomUUID() + "@example.com");
        jdbc.sql("UPDATE shop_order SET email_index = NULL, email = ? WHERE number = ?")
                .params(pii.convertToDatabaseColumn(Orders.ERASED_EMAIL), erased).update();
        assertThat(guestOrdersFoundBy(email)).isEmpty();

        assertThat(migrate()).isGreaterThanOrEqualTo(1);

        assertThat(index(number)).isEqualTo(pii.blindIndex(email.toLowerCase(Locale.ROOT)))
                .doesNotContainIgnoringCase("guest").hasSize(64);
        assertThat(guestOrdersFoundBy(email.toUpperCase(Locale.ROOT))).containsExactly(number);
        assertThat(index(erased)).as("an erased order has nobody to find").isNull();
        assertThat(jdbc.sql("SELECT email FROM shop_order WHERE number = ?").param(number).query(String.class)
                .single()).startsWith("pii1:").doesNotContainIgnoringCase("old-guest");

        var indexed = index(number);
        assertThat(migrate()).isZero();
        assertThat(index(number)).isEqualTo(indexed);
    }
}
