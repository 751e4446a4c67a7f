package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.hotdeals.HotDealScheduling;
import dev.onshore.was.hotdeals.ScheduleHotDeal;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Hot deals on real MariaDB: the admin API, the public announcement the edge polls, and the units claim. */
class HotDealsIntegrationTests extends CatalogTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    HotDealScheduling hotDeals;

    @Autowired
    JdbcTemplate jdbc;

    private static String body(String sku, int units, int limit, String starts, String ends, String zone) {
        return """
                {"sku":"%s","units":%d,"price":"199000","currency":"IDR","perCustomerLimit":%d,
                 "startsAt":"%s","endsAt":"%s",%s"admissionsPerMinute":600}
                """.formatted(sku, units, limit, starts, ends, zone == null ? "" : "\"zone\":\"" + zone + "\",");
    }

    @Test
    void anOperatorSchedulesADealInKstAndTheShopSeesItsWindowInUtcWithoutAToken() throws Exception {
        mvc.perform(post("/api/admin/hot-deals").header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN")
                        .header("X-Onshore-Operator", "op-kim").contentType(MediaType.APPLICATION_JSON)
                        .content(body("GINSENG-KST", 500, 2, "2031-03-01T10:00", "2031-03-01T12:00", null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.startsAt").value("2031-03-01T01:00:00Z"))
                .andExpect(jsonPath("$.zone").value("Asia/Seoul"))
                .andExpect(jsonPath("$.localStartsAt").value("2031-03-01T10:00:00"))
                .andExpect(jsonPath("$.scheduledBy").value("op-kim"));

        mvc.perform(get("/api/shop/v1/hot-deals"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.sku == 'GINSENG-KST')].startsAt").value(hasItem("2031-03-01T01:00:00Z")))
                .andExpect(jsonPath("$[?(@.sku == 'GINSENG-KST')].paths[0]").value(hasItem("/*/p/GINSENG-KST")))
                .andExpect(jsonPath("$[?(@.sku == 'GINSENG-KST')].admissionsPerMinute").value(hasItem(600)))
                .andExpect(jsonPath("$[?(@.sku == 'GINSENG-KST')].soldOut").value(hasItem(false)));
    }

    @Test
    void aWindowInAnotherZoneIsStoredAsThatZonesInstant() throws Exception {
        mvc.perform(post("/api/admin/hot-deals").header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("GINSENG-JKT", 10, 1, "2031-03-01T10:00", "2031-03-01T12:00", "Asia/Jakarta")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.startsAt").value("2031-03-01T03:00:00Z"));
    }

    @Test
    void anImpossibleDealIsRefusedWithALocalizedProblemNamingTheField() throws Exception {
        mvc.perform(post("/api/admin/hot-deals").header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN")
                        .header("Accept-Language", "ko").contentType(MediaType.APPLICATION_JSON)
                        .content(body("GINSENG-BAD", 5, 6, "2031-03-01T10:00", "2031-03-01T12:00", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-hot-deal"))
                .andExpect(jsonPath("$.field").value("perCustomerLimit"))
                .andExpect(jsonPath("$.title").value("잘못된 핫딜"));
        mvc.perform(post("/api/admin/hot-deals").header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("GINSENG-BAD", 5, 1, "2031-03-01T12:00", "2031-03-01T10:00", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("endsAt"));
    }

    @Test
    void schedulingNeedsTheAdminServiceToken() throws Exception {
        mvc.perform(post("/api/admin/hot-deals").contentType(MediaType.APPLICATION_JSON)
                        .content(body("GINSENG-ANON", 5, 1, "2031-03-01T10:00", "2031-03-01T12:00", null)))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/admin/hot-deals").header("Authorization", OperatorsRealm.token(java.util.List.of()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("GINSENG-ANON", 5, 1, "2031-03-01T10:00", "2031-03-01T12:00", null)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hot_deal WHERE sku = 'GINSENG-ANON'", Integer.class))
                .isZero();
    }

    @Test
    void aCancelledDealIsNoLongerAnnouncedAndAnUnknownOneIsNotFound() throws Exception {
        var deal = schedule("GINSENG-CXL", 5);

        mvc.perform(delete("/api/admin/hot-deals/" + deal).header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

        mvc.perform(get("/api/shop/v1/hot-deals")).andExpect(jsonPath("$[*].id").value(not(hasItem(deal.toString()))));
        mvc.perform(delete("/api/admin/hot-deals/" + UUID.randomUUID())
                        .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/unknown-hot-deal"));
        assertThat(hotDeals.claimUnits(deal, 1)).isFalse();
    }

    @Test
    void concurrentClaimsNeverSellMoreThanTheDealsUnitsAndTheLastOneMakesItSoldOut() throws Exception {
        var deal = schedule("GINSENG-RUSH", 5);
        var claims = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 24; i++) {
            claims.add(() -> hotDeals.claimUnits(deal, 1));
        }

        int sold = 0;
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var result : pool.invokeAll(claims)) {
                sold += result.get() ? 1 : 0;
            }
        }

        assertThat(sold).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT units_left FROM hot_deal WHERE id = ?", Integer.class, deal.toString()))
                .isZero();
        mvc.perform(get("/api/shop/v1/hot-deals"))
                .andExpect(jsonPath("$[?(@.id == '" + deal + "')].soldOut").value(hasItem(true)));
    }

    private UUID schedule(String sku, int units) {
        var now = LocalDateTime.now(ZoneId.of("Asia/Seoul"));
        return hotDeals.schedule(new ScheduleHotDeal(sku, units, new BigDecimal("9.90"), "USD", 1, now.minusMinutes(1),
                now.plusHours(1), null, 60), "op-test").id();
    }
}
