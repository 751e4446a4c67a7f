package dev.onshore.was.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The batch jobs through the admin API in the whole application: its own scheduled jobs record their runs, and a
 * failed run shows on the dashboard.
 */
class JobsAdminIntegrationTests extends CatalogTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String roles) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator", "vera")
                .header("X-Onshore-Operator-Roles", roles).header("Accept-Language", "en");
    }

    private String jobs() throws Exception {
        return mvc.perform(as(get("/api/admin/jobs"), "VIEWER")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theApplicationsOwnScheduledJobsRecordTheirRuns() throws Exception {
        // The search index follows sale windows every second (application default): its first run is recorded.
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!JsonPath.<List<String>>read(jobs(), "$.jobs[*].job").contains("SearchIndexing.followSaleWindows")) {
            assertThat(Instant.now()).as("a recorded run of SearchIndexing.followSaleWindows").isBefore(deadline);
            Thread.sleep(200);
        }
        var json = jobs();
        List<Boolean> succeeded = JsonPath.read(json, "$.jobs[?(@.job == 'SearchIndexing.followSaleWindows')].succeeded");
        assertThat(succeeded).containsExactly(true);
        assertThat(JsonPath.<List<String>>read(json, "$.runs[*].job")).contains("SearchIndexing.followSaleWindows");
    }

    @Test
    void aFailedRunOfTheLastWeekShowsOnTheDashboardAndAnOlderOneDoesNot() throws Exception {
        var now = Instant.now();
        for (var started : List.of(now.minus(Duration.ofMinutes(5)), now.minus(Duration.ofDays(8)))) {
            jdbc.sql("""
                    INSERT INTO job_runs (job, node, started_at, finished_at, succeeded, error)
                    VALUES ('DashboardProbe.run', 'was-1', ?, ?, FALSE, ?)""")
                    .params(Timestamp.from(started), Timestamp.from(started.plusMillis(1500)),
                            "java.io.IOException: probe at " + started)
                    .update();
        }
        var dashboard = mvc.perform(as(get("/api/admin/dashboard").param("from", now.minus(Duration.ofHours(1)).toString())
                        .param("to", now.plus(Duration.ofHours(1)).toString()), "FINANCE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> errors = JsonPath.read(dashboard, "$.batchJobs[?(@.job == 'DashboardProbe.run')].error");
        assertThat(errors).containsExactly("java.io.IOException: probe at " + now.minus(Duration.ofMinutes(5)));
    }

    @Test
    void aLimitOutOfRangeOrAnUnreadableJobNameIsRefused() throws Exception {
        for (var bad : List.of(List.of("limit", "0"), List.of("limit", "many"), List.of("job", "x;drop"))) {
            mvc.perform(as(get("/api/admin/jobs").param(bad.get(0), bad.get(1)), "ADMIN"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-input"))
                    .andExpect(jsonPath("$.errors[0].field").value(bad.get(0)));
        }
    }
}
