package dev.onshore.was;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the catalog's integration tests share: one application context (real MariaDB, the demo catalog, the
 * operators realm's keys), so that the test classes extending it start the application once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "it"})
public abstract class CatalogTestSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestPiiKeys.register(registry);
        OperatorsRealm.register(registry);
    }
}
