package dev.onshore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.devstack.Appliance;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two internal-was nodes on one database and one Kafka, each with its own search index and page cache: a change
 * made through one node's admin API reaches the other through the event bus, pages and search alike. Issue 4's
 * target is one second; the figure is printed and recorded in docs/benchmarks.md, while the assertion holds a
 * bound ({@link #BOUND}) a loaded CI machine keeps and that still fails without the event: node 2's search index
 * is its own (never updated without the event) and its page is cached for 5 s, freshly before the change.
 */
@ExtendWith(RunningAppliance.class)
class TwoNodesIntegrationTests {

    private static final String SKU = "HS-CALMAG-D";
    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final Duration PAGE_CACHE_MAX_AGE = Duration.ofSeconds(5);

    private static Appliance appliance;
    private static String first;
    private static String second;

    @BeforeAll
    static void secondNode() {
        appliance = RunningAppliance.appliance();
        first = appliance.internalWasUrl();
        second = appliance.startInternalWasNode("internal-was-2", appliance.ports().internalWas() + 11);
    }

    @AfterAll
    static void stopSecondNode() {
        if (appliance != null) {
            appliance.stop("internal-was-2");
        }
    }

    private static int status(String url) {
        return Http.get(url).statusCode();
    }

    private static boolean listed(String node) {
        return Http.get(node + "/id-id/search?q=kalsium+magnesium").body().contains("data-sku=\"" + SKU + "\"");
    }

    /**
     * Polls node 2 every 20 ms from now until its page answers {@code pageStatus} and its search agrees; returns the
     * milliseconds until each was first seen. Fails after 10 s.
     */
    private static long[] millisUntil(String page, int pageStatus, boolean inSearch) throws InterruptedException {
        var started = System.nanoTime();
        long pageSeen = -1;
        long searchSeen = -1;
        while (pageSeen < 0 || searchSeen < 0) {
            assertThat(System.nanoTime() - started).as("node 2 still shows the old state after 10 s")
                    .isLessThan(10_000_000_000L);
            if (pageSeen < 0 && status(second + page) == pageStatus) {
                pageSeen = (System.nanoTime() - started) / 1_000_000;
            }
            if (searchSeen < 0 && listed(second) == inSearch) {
                searchSeen = (System.nanoTime() - started) / 1_000_000;
            }
            Thread.sleep(20);
        }
        return new long[] {pageSeen, searchSeen};
    }

    private static void publication(String method) {
        var request = HttpRequest.newBuilder(URI.create(first + "/api/admin/products/" + SKU + "/publication"))
                .header("Authorization", "Bearer " + Tokens.service(appliance))
                .header("X-Onshore-Operator", "system-test-operator").header("X-Onshore-Operator-Roles", "CATALOG_MANAGER")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        assertThat(Http.send(request).statusCode()).as(method + " publication").isEqualTo(200);
    }

    @Test
    void aProductSuspendedOnOneNodeLeavesEveryNodeWithinASecondAndComesBack() throws Exception {
        var page = "/id-id/p/" + SKU;
        // Both nodes have rendered (and cached) the page and indexed the product; node 2's JIT is warm enough that
        // its answer times do not swamp what is measured.
        for (var node : new String[] {first, second}) {
            for (int i = 0; i < 20; i++) {
                assertThat(status(node + page)).as(node).isEqualTo(200);
                assertThat(listed(node)).as(node + " search").isTrue();
            }
        }

        // Let node 2's cached copy expire and cache it afresh: without the event it would stay 200 for 5 s.
        Thread.sleep(PAGE_CACHE_MAX_AGE.toMillis() + 100);
        assertThat(status(second + page)).isEqualTo(200);
        publication("DELETE");
        var gone = millisUntil(page, 404, false);
        System.out.printf("suspended through node 1: node 2's page 404 after %d ms, out of its search after %d ms%n",
                gone[0], gone[1]);
        assertThat(Duration.ofMillis(gone[0])).isLessThan(BOUND);
        assertThat(Duration.ofMillis(gone[1])).isLessThan(BOUND);
        assertThat(status(first + page)).isEqualTo(404);

        publication("PUT");
        var back = millisUntil(page, 200, true);
        System.out.printf("published through node 1: node 2's page back after %d ms, in its search after %d ms%n",
                back[0], back[1]);
        assertThat(Duration.ofMillis(back[0])).isLessThan(BOUND);
        assertThat(Duration.ofMillis(back[1])).isLessThan(BOUND);
    }
}
