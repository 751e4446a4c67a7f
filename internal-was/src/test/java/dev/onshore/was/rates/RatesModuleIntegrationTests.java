package dev.onshore.was.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.i18n.rates.ExchangeRates;
import dev.onshore.i18n.rates.RateImportException;
import dev.onshore.i18n.rates.RateSource;
import dev.onshore.i18n.rates.StaleRateException;
import dev.onshore.was.EcbFiles;
import dev.onshore.was.TestClock;
import dev.onshore.was.TestDatabase;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rates module on its own, on MariaDB: what its desk records, announces and reports as stale. */
@ApplicationModuleTest(extraIncludes = "audit")
@ActiveProfiles("it")
@Import(TestClock.Configuration.class)
class RatesModuleIntegrationTests {

    private static final Currency THB = Currency.getInstance("THB");
    /** An ECB daily file (2026-06-17): KRW 1600 and THB 38 per EUR, so 0.02375 THB per KRW. */
    private static final String ECB_DAILY = EcbFiles.JUNE_17;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    ExchangeRateDesk desk;

    @Autowired
    ExchangeRates rates;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOverrideIsInForceWithItsReasonAndOperatorAndIsAnnounced(Scenario scenario) {
        scenario.stimulate(() -> desk.override(THB, new BigDecimal("0.025"), " bank quote of today ", "treasurer"))
                .andWaitForEventOfType(ExchangeRatesChanged.class)
                .matching(event -> event.quotes().equals(List.of("THB")))
                .toArriveAndVerify(event -> assertThat(desk.inForce()).filteredOn(rate -> rate.quote().equals(THB))
                        .singleElement().satisfies(rate -> {
                            assertThat(rate.rate()).isEqualByComparingTo("0.025");
                            assertThat(rate.source()).isEqualTo(RateSource.MANUAL);
                            assertThat(rate.reason()).isEqualTo("bank quote of today");
                            assertThat(rate.recordedBy()).isEqualTo("treasurer");
                            assertThat(rate.stale()).isFalse();
                        }));
    }

    @Test
    void anEcbFileIsRecordedWithItsOperatorKeptInTheHistoryAndAnnouncedPerQuote(PublishedEvents events)
            throws Exception {
        var imported = desk.importEcb(stream(ECB_DAILY), "treasurer");

        assertThat(imported).extracting(rate -> rate.quote().getCurrencyCode()).contains("USD", "THB", "EUR");
        assertThat(desk.history(THB)).anySatisfy(rate -> {
            assertThat(rate.source()).isEqualTo(RateSource.ECB);
            assertThat(rate.rate()).isEqualByComparingTo("0.02375");
        });
        assertThat(events.ofType(ExchangeRatesChanged.class)).singleElement()
                .satisfies(event -> assertThat(event.quotes()).contains("EUR", "THB", "USD").isSorted());
        assertThat(imported).allSatisfy(rate -> assertThat(jdbc.sql("SELECT recorded_by FROM exchange_rate WHERE id = ?")
                .param(rate.id().toString()).query(String.class).single()).isEqualTo("treasurer"));
    }

    @Test
    void aFileThatCannotBeImportedRecordsAndAnnouncesNothing(PublishedEvents events) {
        var before = jdbc.sql("SELECT COUNT(*) FROM exchange_rate").query(Long.class).single();

        assertThatThrownBy(() -> desk.importEcb(stream("<not-ecb/>"), "treasurer"))
                .isInstanceOf(RateImportException.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_rate").query(Long.class).single()).isEqualTo(before);
        assertThat(events.ofType(ExchangeRatesChanged.class)).isEmpty();
    }

    @Test
    void aRateOlderThanTheMaximumAgeIsReportedStaleAndConvertsNothing() {
        var myr = Currency.getInstance("MYR");
        desk.override(myr, new BigDecimal("0.0032"), "bank quote", "treasurer");
        assertThat(rates.snapshot(Currency.getInstance("KRW"), myr, BigDecimal.ZERO).effectiveRate())
                .isEqualByComparingTo("0.0032");

        clock.advance(rates.settings().maxAge().plus(Duration.ofMinutes(1)));
        try {
            assertThat(desk.inForce()).filteredOn(rate -> rate.quote().equals(myr)).singleElement()
                    .satisfies(rate -> assertThat(rate.stale()).isTrue());
            assertThatThrownBy(() -> rates.snapshot(Currency.getInstance("KRW"), myr, BigDecimal.ZERO))
                    .isInstanceOf(StaleRateException.class);
        } finally {
            clock.set(java.time.Instant.now());
        }
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
