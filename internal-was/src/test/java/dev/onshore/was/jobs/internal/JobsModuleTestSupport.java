package dev.onshore.was.jobs.internal;

import dev.onshore.was.TestClock;
import dev.onshore.was.TestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One context for the jobs module's tests on MariaDB with a {@link TestClock}: a test class declaring its own
 * {@code @DynamicPropertySource} would start another (some 40 s each). Every test sets the clock it needs.
 */
@ApplicationModuleTest
@ActiveProfiles("it")
@Import(TestClock.Configuration.class)
abstract class JobsModuleTestSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
