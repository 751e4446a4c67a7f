package dev.onshore.was.cms.internal;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bestSellers per market, SKUs from best-selling down: the ranking behind best-seller lists until orders
 *     exist to compute it
 */
@ConfigurationProperties("onshore.cms")
record CmsProperties(Map<String, List<String>> bestSellers) {

    CmsProperties {
        bestSellers = bestSellers == null ? Map.of() : Map.copyOf(bestSellers);
    }
}
