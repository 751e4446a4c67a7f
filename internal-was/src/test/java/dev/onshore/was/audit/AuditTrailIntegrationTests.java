package dev.onshore.was.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail on real MariaDB: written with the change, by whom and from where, never altered afterwards. */
class AuditTrailIntegrationTests extends CatalogTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String roles) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "kim.fin")
                .header("X-Onshore-Operator-Roles", roles).header("X-Onshore-Operator-Address", "10.20.0.7");
    }

    @Test
    void aRateOverrideIsRecordedWithWhoFromWhereAndTheRateBeforeAndAfter() throws Exception {
        mvc.perform(as(put("/api/admin/exchange-rates/JPY"), "FINANCE").contentType(MediaType.APPLICATION_JSON)
                .content("{\"rate\": 0.1111, \"reason\": \"Audit test\"}")).andExpect(status().isOk());

        mvc.perform(as(get("/api/admin/audit"), "ADMIN").param("action", "rate.override").param("target", "JPY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].actor").value("kim.fin"))
                .andExpect(jsonPath("$.items[0].actorRoles[0]").value("FINANCE"))
                .andExpect(jsonPath("$.items[0].address").value("10.20.0.7"))
                .andExpect(jsonPath("$.items[0].target").value("rate:KRW/JPY"))
                .andExpect(jsonPath("$.items[0].after").value(org.hamcrest.Matchers.containsString("0.1111")))
                .andExpect(jsonPath("$.items[0].after").value(org.hamcrest.Matchers.containsString("Audit test")));
    }

    @Test
    void aRefusedChangeLeavesNoAuditRow() throws Exception {
        var before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
        mvc.perform(as(put("/api/admin/exchange-rates/JPY"), "FINANCE").contentType(MediaType.APPLICATION_JSON)
                .content("{\"rate\": -1, \"reason\": \"\"}")).andExpect(status().isBadRequest());
        mvc.perform(as(put("/api/admin/exchange-rates/JPY"), "CATALOG_MANAGER").contentType(MediaType.APPLICATION_JSON)
                .content("{\"rate\": 0.2, \"reason\": \"Wrong role\"}")).andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void theAuditRowCommitsAndRollsBackWithItsChange() {
        assertThatThrownBy(() -> trail.record("test.outside", "test:1", null, "x"))
                .isInstanceOf(IllegalTransactionStateException.class);

        transactions.executeWithoutResult(status -> {
            trail.record("test.rolled-back", "test:2", null, "x");
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> trail.record("test.committed", "test:3", "a", "b"));

        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE target IN ('test:1', 'test:2', 'test:3')", String.class))
                .containsExactly("test.committed");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE target = 'test:3'", String.class))
                .as("outside an admin request").isEqualTo("system");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnAuditRow() {
        transactions.executeWithoutResult(status -> trail.record("test.append-only", "test:append", null, "kept"));

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET after_json = 'forged' WHERE target = 'test:append'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE target = 'test:append'"))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT after_json FROM audit_entry WHERE target = 'test:append'", String.class))
                .isEqualTo("\"kept\"");
    }

    @Test
    void signInsAreRecordedForAnyoneAndReadByAdminsOnly() throws Exception {
        mvc.perform(post("/api/admin/audit/logins").header("Authorization", OperatorsRealm.serviceToken())
                .header("X-Onshore-Operator-Address", "10.20.0.9").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"lee.ops\", \"succeeded\": false, \"reason\": \"invalid_grant\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/admin/audit/logins").header("Authorization", OperatorsRealm.serviceToken())
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"two words\", \"succeeded\": true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("username"));

        mvc.perform(as(get("/api/admin/audit/logins"), "ADMIN")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].username").value("lee.ops"))
                .andExpect(jsonPath("$.items[0].succeeded").value(false))
                .andExpect(jsonPath("$.items[0].address").value("10.20.0.9"))
                .andExpect(jsonPath("$.items[0].reason").value("invalid_grant"));
        mvc.perform(as(get("/api/admin/audit/logins"), "VIEWER")).andExpect(status().isForbidden());
    }

    @Test
    void badFiltersAreRefusedFieldByField() throws Exception {
        mvc.perform(as(get("/api/admin/audit"), "ADMIN").param("size", "1000").param("from", "2026-01-02T00:00:00Z")
                        .param("to", "2026-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("size", "to")));
    }
}
