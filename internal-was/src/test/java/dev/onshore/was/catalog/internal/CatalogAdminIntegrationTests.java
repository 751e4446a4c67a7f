package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.onshore.was.CatalogTestSupport;
import dev.onshore.was.OperatorsRealm;
import dev.onshore.was.catalog.ProductStatus;
import dev.onshore.was.catalog.Sku;
import java.time.Instant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The approval workflow through the admin API, with signed service tokens, on real MariaDB. */
class CatalogAdminIntegrationTests extends CatalogTestSupport {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Products products;

    private String draft() {
        var sku = "HS-IT-FLOW-" + SEQUENCE.incrementAndGet();
        products.save(new Product(new Sku(sku), "Test Brand", new BigDecimal("12000"), "KRW", NOW)
                .translate("en", new ProductTranslation("Approval test " + sku, "For the workflow test"), NOW)
                .offer("SG", new MarketOffer("SGD", new BigDecimal("12.90")), NOW));
        return sku;
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String operator) {
        return request.header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN").header("X-Onshore-Operator", operator);
    }

    private int pageStatusWithin(String path, int expected, Duration within) throws Exception {
        var deadline = System.nanoTime() + within.toNanos();
        int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
        while (status != expected && System.nanoTime() < deadline) {
            Thread.sleep(25);
            status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
        }
        return status;
    }

    private ProductStatus statusOf(String sku) {
        return products.findBySku(sku).orElseThrow().status();
    }

    @Test
    void aProductIsSubmittedApprovedByAnotherOperatorAndPublished() throws Exception {
        var sku = draft();
        mvc.perform(get("/en-sg/p/" + sku)).andExpect(status().isNotFound());

        mvc.perform(as(put("/api/admin/products/{sku}/submission", sku), "editor")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_APPROVAL"))
                .andExpect(jsonPath("$.submittedBy").value("editor"));
        mvc.perform(as(put("/api/admin/products/{sku}/approval", sku), "reviewer")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED")).andExpect(jsonPath("$.approvedBy").value("reviewer"));
        mvc.perform(as(put("/api/admin/products/{sku}/publication", sku), "reviewer")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/en-sg/p/" + sku)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Approval test " + sku)));

        mvc.perform(as(delete("/api/admin/products/{sku}/publication", sku), "editor")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        // The rendered page is dropped when the suspension's event has been applied (after the commit, within a
        // second on a quiet node): wait for it rather than racing it.
        assertThat(pageStatusWithin("/en-sg/p/" + sku, 404, Duration.ofSeconds(10))).isEqualTo(404);
        mvc.perform(as(put("/api/admin/products/{sku}/publication", sku), "editor")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));

        mvc.perform(as(get("/api/admin/products/{sku}/lifecycle", sku), "auditor")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[*].to").value(org.hamcrest.Matchers.contains("PENDING_APPROVAL", "APPROVED",
                        "PUBLISHED", "SUSPENDED", "PUBLISHED")))
                .andExpect(jsonPath("$[*].operator").value(org.hamcrest.Matchers.contains("editor", "reviewer",
                        "reviewer", "editor", "editor")));
        mvc.perform(as(get("/api/admin/products"), "auditor")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.sku == '" + sku + "')].approvedBy").value("reviewer"));
    }

    @Test
    void theSubmitterCannotApproveTheirOwnSubmission() throws Exception {
        var sku = draft();
        mvc.perform(as(put("/api/admin/products/{sku}/submission", sku), "editor")).andExpect(status().isOk());

        mvc.perform(as(put("/api/admin/products/{sku}/approval", sku), "editor")
                        .header("Accept-Language", "id"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/self-approval"))
                .andExpect(jsonPath("$.title").value("Diperlukan empat mata"));

        assertThat(statusOf(sku)).isEqualTo(ProductStatus.PENDING_APPROVAL);
        assertThat(products.findBySku(sku).orElseThrow().approvedBy()).isNull();
    }

    @Test
    void illegalTransitionsAnswerConflictAndChangeNothing() throws Exception {
        var sku = draft();
        mvc.perform(as(put("/api/admin/products/{sku}/publication", sku), "editor")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/illegal-product-transition"));
        mvc.perform(as(put("/api/admin/products/{sku}/approval", sku), "reviewer")).andExpect(status().isConflict());
        assertThat(statusOf(sku)).isEqualTo(ProductStatus.DRAFT);
        mvc.perform(as(put("/api/admin/products/{sku}/submission", "HS-NO-SUCH"), "editor"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRejectionNeedsAReasonAndSendsTheProductBackToDraft() throws Exception {
        var sku = draft();
        mvc.perform(as(put("/api/admin/products/{sku}/submission", sku), "editor")).andExpect(status().isOk());

        for (var body : List.of("{}", "{\"reason\": \"   \"}", "{\"reason\": \"" + "x".repeat(501) + "\"}")) {
            mvc.perform(as(post("/api/admin/products/{sku}/rejection", sku), "reviewer")
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://onshore.dev/problems/invalid-input"))
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
        }
        assertThat(statusOf(sku)).isEqualTo(ProductStatus.PENDING_APPROVAL);

        mvc.perform(as(post("/api/admin/products/{sku}/rejection", sku), "reviewer")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"BPOM number missing\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(as(get("/api/admin/products/{sku}/lifecycle", sku), "reviewer"))
                .andExpect(jsonPath("$[1].note").value("BPOM number missing"));
    }

    @Test
    void theOperatorMustBeNamedAndOnlyServiceAccountsMayCall() throws Exception {
        var sku = draft();
        mvc.perform(put("/api/admin/products/{sku}/submission", sku)
                        .header("Authorization", OperatorsRealm.serviceToken()).header("X-Onshore-Operator-Roles", "ADMIN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Onshore-Operator"))
                .andExpect(jsonPath("$.errors[0].code").value("required"));
        mvc.perform(as(put("/api/admin/products/{sku}/submission", sku), "two words"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("pattern"));
        mvc.perform(put("/api/admin/products/{sku}/submission", sku).header("X-Onshore-Operator", "editor"))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/admin/products/{sku}/submission", sku).header("X-Onshore-Operator", "editor")
                        .header("Authorization", OperatorsRealm.token(List.of("operator"))))
                .andExpect(status().isForbidden());
        assertThat(statusOf(sku)).isEqualTo(ProductStatus.DRAFT);
    }
}
