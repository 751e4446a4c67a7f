package dev.onshore.was;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for the tests of what the page and store-API caches keep and drop: cached pages and
 * answers live an hour here, so only a change's signal can make a test see new content. Apart from
 * {@link CatalogTestSupport}, whose tests see every change at once.
 */
@SpringBootTest(properties = {"onshore.storefront.page-cache.max-age=1h", "onshore.shop-api.server-max-age=1h"})
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "it"})
public abstract class CachedPagesTestSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
