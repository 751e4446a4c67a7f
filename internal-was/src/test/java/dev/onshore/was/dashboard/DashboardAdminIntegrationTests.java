package dev.onshore.was.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.i18n.money.Money;
import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.inventory.Stock;
import dev.onshore.was.orders.NewOrder;
import dev.onshore.was.orders.OrderManagement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard's figures through the admin API, from orders and stock on real MariaDB. */
class DashboardAdminIntegrationTests extends CatalogTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrderManagement orders;

    @Autowired
    Stock stock;

    @Autowired
    Clock clock;

    private String dashboard(Instant from, Instant to) throws Exception {
        return mvc.perform(get("/api/admin/dashboard").param("from", from.toString()).param("to", to.toString())
                        .header("Authorization", OperatorsRealm.serviceToken())
                        .header("X-Onshore-Operator-Roles", "VIEWER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static long ordersIn(String json, String market, String currency) {
        List<Integer> found = JsonPath.read(json,
                "$.sales[?(@.market == '" + market + "' && @.currency == '" + currency + "')].orders");
        return found.isEmpty() ? 0 : found.getFirst();
    }

    @Test
    void todaysOrdersAreCountedByMarketAndCurrencyAndOnlyPaidOnesMakeRevenue() throws Exception {
        var now = clock.instant();
        var from = now.minus(Duration.ofHours(1));
        var to = now.plus(Duration.ofHours(1));
        var before = ordersIn(dashboard(from, to), "MY", "MYR");

        var unit = Money.of("45.00", "MYR");
        orders.place(new NewOrder("MY", "en", null, "aisyah@example.com", "Aisyah\nJalan 1\nMY", "standard",
                List.of(new NewOrder.Line("HS-VITC-1000", "Vitamin C", unit, 2)), Money.of("90.00", "MYR"),
                Money.of("10.00", "MYR"), Money.of("0", "MYR"), true, Money.of("100.00", "MYR"),
                Money.of("29000", "KRW"), new BigDecimal("290"), now, now.plus(Duration.ofMinutes(30))));
        var after = dashboard(from, to);

        assertThat(ordersIn(after, "MY", "MYR")).isEqualTo(before + 1);
        List<Integer> paid = JsonPath.read(after, "$.sales[?(@.market == 'MY' && @.currency == 'MYR')].paidOrders");
        List<Number> revenue = JsonPath.read(after, "$.sales[?(@.market == 'MY' && @.currency == 'MYR')].revenue");
        assertThat(paid).containsExactly(0);
        assertThat(revenue.getFirst().doubleValue()).as("an unpaid order makes no revenue").isZero();
        assertThat(ordersIn(dashboard(to, to.plus(Duration.ofHours(1))), "MY", "MYR")).as("tomorrow").isZero();
    }

    @Test
    void skusRunningLowAreAlertedFewestFirst() throws Exception {
        stock.set("HS-DASH-LOW2", 2);
        stock.set("HS-DASH-LOW0", 0);
        stock.set("HS-DASH-PLENTY", 500);
        var now = clock.instant();

        var json = dashboard(now.minus(Duration.ofHours(1)), now);

        List<String> skus = JsonPath.read(json, "$.lowStock[*].sku");
        assertThat(skus).contains("HS-DASH-LOW0", "HS-DASH-LOW2").doesNotContain("HS-DASH-PLENTY");
        assertThat(skus.indexOf("HS-DASH-LOW0")).isLessThan(skus.indexOf("HS-DASH-LOW2"));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrSpansMoreThanAMonthIsRefused() throws Exception {
        var now = clock.instant();
        for (var range : List.of(List.of(now, now.minusSeconds(1)), List.of(now, now.plus(Duration.ofDays(40))))) {
            mvc.perform(get("/api/admin/dashboard").param("from", range.get(0).toString())
                            .param("to", range.get(1).toString())
                            .header("Authorization", OperatorsRealm.serviceToken())
                            .header("X-Onshore-Operator-Roles", "ADMIN"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        }
        mvc.perform(get("/api/admin/dashboard").param("from", "yesterday").param("to", now.toString())
                .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN"))
                .andExpect(status().isBadRequest());
    }
}
