package dev.onshore.was.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.onshore.was.CatalogTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A shared page is one the edge may keep ({@value RenderedPages#EDGE_CACHE}) at every moment of its life on this
 * node, not only in its first seconds: max-age counts whole seconds, so a cached page in its last second could not be
 * kept by the edge and every request for it crossed to internal-was until it expired (a fifth of the time at the
 * default 5 s max age; 5 % of a 64-connection load on the product page). Such a page is rendered anew instead.
 */
class EdgeKeepsSharedPagesIntegrationTests extends CatalogTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void everyAnswerForASharedPageLetsTheEdgeKeepItThroughMoreThanTheNodesMaxAge() throws Exception {
        var withoutIt = new ArrayList<String>();
        var answers = 0;
        var started = System.nanoTime();
        // The default max age is 5 s: 6.5 s of requests cross at least one page's last second.
        while (System.nanoTime() - started < Duration.ofMillis(6500).toNanos()) {
            var response = mvc.perform(get("/id-id/c/health.vitamins")).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            var edge = response.getHeader(RenderedPages.EDGE_CACHE);
            if (edge == null || !edge.matches("max-age=[12]")) {
                withoutIt.add(Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: " + edge);
            }
            answers++;
            Thread.sleep(50);
        }
        assertThat(answers).isGreaterThan(20);
        assertThat(withoutIt).as("answers the edge could not keep, of %d", answers).isEmpty();
    }
}
