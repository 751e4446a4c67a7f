package dev.onshore.was.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.i18n.money.Money;
import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.catalog.ProductAdministration;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.orders.NewOrder;
import dev.onshore.was.orders.OrderManagement;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The sales statistics through the admin API, summed by real MariaDB over orders in two markets and currencies on
 * both sides of a Korean midnight (15:00 UTC). The orders are placed through the orders' API; their placing time and
 * payment are then set in the table, as the days they fall on lie in the past.
 */
class StatisticsAdminIntegrationTests extends CatalogTestSupport {

    private static final String VITAMIN_C = "HS-VITC-1000";
    private static final String COLLAGEN = "HS-COLLAGEN-30";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrderManagement orders;

    @Autowired
    ProductAdministration products;

    @Autowired
    JdbcClient jdbc;

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String roles) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "fin")
                .header("X-Onshore-Operator-Roles", roles).header("Accept-Language", "en");
    }

    /** Places an order of one line and moves it to {@code placedAt}, paid or not; its number. */
    private String order(String market, String currency, String sku, String unitPrice, int quantity, String total,
            String baseTotal, String rate, Instant placedAt, boolean paid) {
        var unit = Money.of(unitPrice, currency);
        var subtotal = Money.of(new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity)).toPlainString(),
                currency);
        var totalMoney = Money.of(total, currency);
        var placed = orders.place(new NewOrder(market, "en", null, "stats@example.com", "Stats\nStreet 1\n" + market,
                "standard", List.of(new NewOrder.Line(sku, sku, unit, quantity)), subtotal,
                totalMoney.minus(subtotal), Money.of("0", currency), true, totalMoney, Money.of(baseTotal, "KRW"),
                new BigDecimal(rate), placedAt.minus(Duration.ofHours(1)), placedAt.plus(Duration.ofMinutes(30))));
        jdbc.sql("UPDATE shop_order SET placed_at = ?, status = ? WHERE number = ?")
                .params(Timestamp.from(placedAt), paid ? "PAID" : "PLACED", placed.number()).update();
        return placed.number();
    }

    private String report(String from, String to) throws Exception {
        return mvc.perform(as(get("/api/admin/statistics/sales").param("from", from).param("to", to), "FINANCE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The one row of {@code table} with this key and currency, as a map. */
    private static Map<String, Object> row(String json, String table, String key, String currency) {
        List<Map<String, Object>> rows = JsonPath.read(json,
                "$." + table + "[?(@.key == '" + key + "' && @.currency == '" + currency + "')]");
        assertThat(rows).as(table + " " + key + " " + currency).hasSize(1);
        return rows.getFirst();
    }

    private static void assertFigures(Map<String, Object> row, long orders, long paid, long units, String revenue,
            String inBase) {
        assertThat(((Number) row.get("orders")).longValue()).as("orders").isEqualTo(orders);
        assertThat(((Number) row.get("paidOrders")).longValue()).as("paid orders").isEqualTo(paid);
        assertThat(((Number) row.get("units")).longValue()).as("units").isEqualTo(units);
        assertThat(new BigDecimal(row.get("revenue").toString())).as("revenue").isEqualByComparingTo(revenue);
        assertThat(new BigDecimal(row.get("revenueInBase").toString())).as("in KRW").isEqualByComparingTo(inBase);
        assertThat(row.get("baseCurrency")).isEqualTo("KRW");
    }

    @Test
    void salesAreSummedByKoreanDayMarketCurrencyCategoryAndProductAtEachOrdersRecordedRate() throws Exception {
        // 2024-03-10 23:59:59 KST is 14:59:59 UTC; midnight in Seoul is 15:00 UTC.
        var lastSecondOfTenth = Instant.parse("2024-03-10T14:59:59Z");
        var midnight = Instant.parse("2024-03-10T15:00:00Z");
        order("ID", "IDR", VITAMIN_C, "45000", 2, "100000", "8600", "0.086", lastSecondOfTenth, true);
        order("ID", "IDR", VITAMIN_C, "50000", 1, "50000", "4400", "0.088", midnight, true);
        order("MY", "MYR", COLLAGEN, "90", 1, "100", "29000", "290", midnight.plus(Duration.ofHours(1)), true);
        order("MY", "MYR", COLLAGEN, "45", 1, "55", "15950", "290", midnight.plus(Duration.ofHours(2)), false);
        // The day before and the day after the range: not counted.
        order("ID", "IDR", VITAMIN_C, "45000", 1, "55000", "4730", "0.086", Instant.parse("2024-03-09T14:59:59Z"),
                true);
        order("MY", "MYR", COLLAGEN, "90", 1, "100", "29000", "290", Instant.parse("2024-03-11T15:00:00Z"), true);

        var json = report("2024-03-10", "2024-03-11");

        assertThat(JsonPath.<String>read(json, "$.from")).isEqualTo("2024-03-10");
        assertThat(JsonPath.<String>read(json, "$.to")).isEqualTo("2024-03-11");
        assertThat(JsonPath.<List<String>>read(json, "$.byDay[*].key")).containsExactly("2024-03-10", "2024-03-11",
                "2024-03-11");
        assertFigures(row(json, "byDay", "2024-03-10", "IDR"), 1, 1, 0, "100000", "8600");
        assertFigures(row(json, "byDay", "2024-03-11", "IDR"), 1, 1, 0, "50000", "4400");
        assertFigures(row(json, "byDay", "2024-03-11", "MYR"), 2, 1, 0, "100", "29000");

        assertThat(JsonPath.<List<String>>read(json, "$.byMarket[*].key")).containsExactly("ID", "MY");
        assertFigures(row(json, "byMarket", "ID", "IDR"), 2, 2, 0, "150000", "13000");
        assertFigures(row(json, "byMarket", "MY", "MYR"), 2, 1, 0, "100", "29000");
        assertFigures(row(json, "byCurrency", "IDR", "IDR"), 2, 2, 0, "150000", "13000");
        assertFigures(row(json, "byCurrency", "MYR", "MYR"), 2, 1, 0, "100", "29000");

        // Lines: 2 × 45,000 at 0.086 and 1 × 50,000 at 0.088; the unpaid collagen order sold nothing.
        assertFigures(row(json, "byProduct", VITAMIN_C, "IDR"), 2, 2, 3, "140000", "12140");
        assertFigures(row(json, "byProduct", COLLAGEN, "MYR"), 1, 1, 1, "90", "26100");
        assertThat(JsonPath.<List<String>>read(json, "$.byProduct[*].key")).containsExactly(COLLAGEN, VITAMIN_C);

        var vitaminCategory = products.sheet(new Sku(VITAMIN_C), "en").category();
        var collagenCategory = products.sheet(new Sku(COLLAGEN), "en").category();
        assertThat(vitaminCategory).isNotNull().isNotEqualTo(collagenCategory);
        assertFigures(row(json, "byCategory", vitaminCategory, "IDR"), 2, 2, 3, "140000", "12140");
        assertFigures(row(json, "byCategory", collagenCategory, "MYR"), 1, 1, 1, "90", "26100");

        List<Map<String, Object>> idr = JsonPath.read(json, "$.ratesUsed[?(@.currency == 'IDR')]");
        assertThat(new BigDecimal(idr.getFirst().get("lowest").toString())).isEqualByComparingTo("0.086");
        assertThat(new BigDecimal(idr.getFirst().get("highest").toString())).isEqualByComparingTo("0.088");
        assertThat(((Number) idr.getFirst().get("paidOrders")).longValue()).isEqualTo(2);

        var tenthOnly = report("2024-03-10", "2024-03-10");
        assertThat(JsonPath.<List<String>>read(tenthOnly, "$.byDay[*].key")).containsExactly("2024-03-10");
        assertThat(JsonPath.<List<String>>read(tenthOnly, "$.byMarket[*].key")).containsExactly("ID");
    }

    @Test
    void blankOrMissingDatesTakeTheirDefaultsOfThirtyDaysUpToTodayInSeoul() throws Exception {
        var today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        var json = report("", " ");
        assertThat(JsonPath.<String>read(json, "$.to")).isEqualTo(today.toString());
        assertThat(JsonPath.<String>read(json, "$.from")).isEqualTo(today.minusDays(29).toString());
        var fromOnly = mvc.perform(as(get("/api/admin/statistics/sales").param("from", "2024-01-01"), "VIEWER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(fromOnly, "$.to")).isEqualTo("2024-01-30");
        assertThat(JsonPath.<String>read(json, "$.zone")).isEqualTo("Asia/Seoul");
    }

    @Test
    void aRangeBackwardsLongerThan366DaysOrWithAnUnreadableDateIsRefusedAsAProblem() throws Exception {
        for (var range : List.of(List.of("2024-03-11", "2024-03-10", "to"), List.of("2023-01-01", "2024-01-02", "from"),
                List.of("yesterday", "2024-03-10", "from"), List.of("2024-03-01", "2024-02-30", "to"))) {
            mvc.perform(as(get("/api/admin/statistics/sales").param("from", range.get(0)).param("to", range.get(1)),
                            "ADMIN").header("Accept-Language", "ko"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-input"))
                    .andExpect(jsonPath("$.errors[0].field").value(range.get(2)));
        }
        // 366 days (a leap year) is the most allowed.
        report("2024-01-01", "2024-12-31");
    }
}
