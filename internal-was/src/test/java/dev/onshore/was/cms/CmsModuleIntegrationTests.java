package dev.onshore.was.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.was.TestClock;
import dev.onshore.was.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The CMS through its public API, with the catalog it reads products from (and the rates that price them), on
 * MariaDB: sites exist only for the markets of the Markets bean, in their zones.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "rates")
@ActiveProfiles("it")
@Import(TestClock.Configuration.class)
@RecordApplicationEvents
class CmsModuleIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    SiteContent cms;

    @Autowired
    TestClock clock;

    private static String page() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aScheduleIsReadInTheZoneOfTheMarketAsConfigured() {
        var page = page();
        // 09:00 to 10:00 in Jakarta (UTC+7) is 02:00 to 03:00 UTC.
        cms.schedule("ID", page, PageTemplate.HOME, "highlights", "id", 0, LocalDateTime.parse("2031-05-01T09:00"),
                LocalDateTime.parse("2031-05-01T10:00"), new ItemContent.Text("Promo pagi"));

        assertThat(cms.resolve("ID", "id", page, Instant.parse("2031-05-01T01:59:59Z")).orElseThrow()
                .corner("highlights")).isEmpty();
        assertThat(cms.resolve("ID", "id", page, Instant.parse("2031-05-01T02:00:00Z")).orElseThrow()
                .corner("highlights")).singleElement().isInstanceOf(ResolvedPage.Text.class);
        assertThat(cms.nextScheduledChange(Instant.parse("2031-05-01T02:00:00Z")))
                .contains(Instant.parse("2031-05-01T03:00:00Z"));
    }

    @Test
    void aCountryThatIsNoMarketHasNoSite() {
        assertThatThrownBy(() -> cms.schedule("FR", page(), PageTemplate.HOME, "highlights", "fr", 0, null, null,
                new ItemContent.Text("Bonjour"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FR");
        assertThat(cms.resolve("FR", "fr", SiteContent.HOME, Instant.now())).isEmpty();
    }

    @Test
    void aChangeOfTheSiteIsAnnouncedAtTheApplicationsTime(ApplicationEvents events) {
        clock.advance(Duration.ofDays(5));
        var changedAt = clock.instant();
        try {
            var item = cms.schedule("SG", page(), PageTemplate.HOME, "highlights", "en", 0, null, null,
                    new ItemContent.Text("Clock test"));
            clock.advance(Duration.ofMinutes(10));
            var withdrawnAt = clock.instant();
            assertThat(cms.withdraw(item)).isTrue();
            assertThat(events.stream(SiteContentChanged.class)).filteredOn(event -> event.market().equals("SG"))
                    .extracting(SiteContentChanged::occurredAt).containsExactly(changedAt, withdrawnAt);
        } finally {
            clock.set(Instant.now());
        }
    }
}
