package dev.onshore.i18n.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.i18n.market.Markets;
import dev.onshore.i18n.money.Money;
import dev.onshore.i18n.money.PriceRounding;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExchangeRatesTests {

    static final Currency KRW = Currency.getInstance("KRW");
    static final Currency USD = Currency.getInstance("USD");
    static final Currency IDR = Currency.getInstance("IDR");
    static final Currency MYR = Currency.getInstance("MYR");
    static final Currency EUR = Currency.getInstance("EUR");
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    /** The shape of https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml (values made up). */
    static final String ECB_DAILY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
              <gesmes:subject>Reference rates</gesmes:subject>
              <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
              <Cube>
                <Cube time='2026-06-17'>
                  <Cube currency='USD' rate='1.1600'/>
                  <Cube currency='JPY' rate='168.50'/>
                  <Cube currency='IDR' rate='18850.00'/>
                  <Cube currency='KRW' rate='1600.00'/>
                  <Cube currency='MYR' rate='4.9200'/>
                  <Cube currency='SGD' rate='1.4900'/>
                </Cube>
              </Cube>
            </gesmes:Envelope>
            """;

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-18T01:00:00Z"));
    final InMemoryRates store = new InMemoryRates();
    final ExchangeRates rates = new ExchangeRates(store,
            new RateSettings(KRW, Duration.ofDays(4), Map.of("id", new BigDecimal("0.03"))), clock);

    @Test
    void importsEcbRatesCrossedToTheBaseCurrency() throws Exception {
        var imported = rates.importEcb(stream(ECB_DAILY));

        assertThat(imported).hasSize(6); // 5 quotes besides KRW, plus EUR
        assertThat(store.effectiveAt(KRW, USD, clock.instant())).hasValueSatisfying(rate -> {
            assertThat(rate.rate()).isEqualByComparingTo("0.000725"); // 1.16 / 1600
            assertThat(rate.source()).isEqualTo(RateSource.ECB);
            assertThat(rate.effectiveFrom()).isEqualTo(Instant.parse("2026-06-17T14:00:00Z")); // 16:00 CEST
        });
        assertThat(store.effectiveAt(KRW, EUR, clock.instant()).orElseThrow().rate()).isEqualByComparingTo("0.000625");
    }

    @Test
    void refusesEcbFilesWithDoctypesSoNoExternalEntityIsEverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <Envelope><Cube><Cube time='2026-06-17'><Cube currency='KRW' rate='&xxe;'/></Cube></Cube></Envelope>
                """;

        assertThatThrownBy(() -> rates.importEcb(stream(xxe))).isInstanceOf(RateImportException.class);
        assertThat(store.quotes(KRW)).isEmpty();
    }

    @Test
    void rejectsEcbFilesWithoutTheBaseCurrencyOrWithBadRates() {
        assertThatThrownBy(() -> rates.importEcb(stream(ECB_DAILY.replace("<Cube currency='KRW' rate='1600.00'/>", ""))))
                .isInstanceOf(RateImportException.class).hasMessageContaining("2026-06-17: no KRW rate");
        assertThatThrownBy(() -> rates.importEcb(stream(ECB_DAILY.replace("'4.9200'", "'-1'"))))
                .isInstanceOf(RateImportException.class).hasMessageContaining("MYR=-1");
        assertThatThrownBy(() -> rates.importEcb(stream("<html>not ecb</html>")))
                .isInstanceOf(RateImportException.class);
        assertThatThrownBy(() -> rates.importEcb(stream("<unclosed")))
                .isInstanceOf(RateImportException.class).hasMessageContaining("not well-formed");
    }

    @Test
    void importsCsvInEitherDirection() throws Exception {
        var imported = rates.importCsv(new StringReader("""
                \uFEFFcurrency,rate,effective
                # IDR per KRW
                IDR,11.78,2026-06-18
                vnd,18.2,2026-06-18T00:00:00+07:00
                """), SEOUL);
        rates.importCsv(new StringReader("""
                effective,currency,base_per_unit,base
                2026-06-18,USD,1380,KRW
                """), SEOUL);

        assertThat(imported).hasSize(2).allSatisfy(r -> assertThat(r.source()).isEqualTo(RateSource.CSV));
        assertThat(imported.getFirst().effectiveFrom()).isEqualTo(Instant.parse("2026-06-17T15:00:00Z"));
        assertThat(store.effectiveAt(KRW, USD, clock.instant()).orElseThrow().rate())
                .isEqualByComparingTo("0.0007246376811594"); // 1 / 1380 to 16 decimals
    }

    @Test
    void readsQuotedCellsAndHeadersInAnyCaseAndNamesALastLineWithoutALineBreak() throws Exception {
        var imported = rates.importCsv(new StringReader("""
                Currency,"Rate",EFFECTIVE
                "idr", "11.78" ,2026-06-18
                """), SEOUL);
        assertThat(imported).singleElement().satisfies(rate -> {
            assertThat(rate.quote()).isEqualTo(Currency.getInstance("IDR"));
            assertThat(rate.rate()).isEqualByComparingTo("11.78");
        });
        assertThatThrownBy(() -> rates.importCsv(new StringReader("currency,rate,effective\nIDR,1,2026-06-18\nTHB,1"),
                SEOUL)).isInstanceOf(RateImportException.class)
                .satisfies(e -> assertThat(((RateImportException) e).problems())
                        .containsExactly("line 3: 2 cells, header has 3"));
        assertThatThrownBy(() -> rates.importCsv(new StringReader("currency,rate,Rate,effective\nIDR,1,1,2026-06-18\n"),
                SEOUL)).isInstanceOf(RateImportException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> rates.importCsv(new StringReader("\uFEFF# nothing but a comment\n\n"), SEOUL))
                .isInstanceOf(RateImportException.class).hasMessageContaining("empty file");
    }

    @Test
    void rejectsABadCsvWholeNamingEveryBadLine() {
        assertThatThrownBy(() -> rates.importCsv(new StringReader("""
                currency,rate,effective
                IDR,11.78,2026-06-18
                XYZ,1,2026-06-18
                USD,-1,2026-06-18
                MYR,abc,2026-06-18
                SGD,1,yesterday
                THB,1
                """), SEOUL))
                .isInstanceOf(RateImportException.class)
                .satisfies(e -> assertThat(((RateImportException) e).problems()).hasSize(5)
                        .anySatisfy(p -> assertThat(p).startsWith("line 3:").contains("XYZ"))
                        .anySatisfy(p -> assertThat(p).startsWith("line 4:"))
                        .anySatisfy(p -> assertThat(p).startsWith("line 7:").contains("2 cells")));
        assertThat(store.quotes(KRW)).isEmpty();
        assertThatThrownBy(() -> rates.importCsv(new StringReader("code,value\nIDR,1\n"), SEOUL))
                .isInstanceOf(RateImportException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> rates.importCsv(new StringReader("currency,rate,effective,base\nIDR,1,2026-06-18,USD\n"),
                SEOUL)).hasMessageContaining("base USD is not KRW");
    }

    @Test
    void convertsWithTheMarketMarkupAndRoundingAndReturnsTheSnapshotUsed() throws Exception {
        rates.importEcb(stream(ECB_DAILY));
        var indonesia = Markets.defaults().find("ID").orElseThrow();

        Conversion conversion = rates.convert(Money.of(39000, "KRW"), indonesia);

        // 39000 × 18850/1600 = 459 468.75; × 1.03 = 473 252.8125; up to the next 1 000
        assertThat(conversion.exact()).isEqualTo(Money.of("473252.8125", "IDR"));
        assertThat(conversion.price()).isEqualTo(Money.of(474000, "IDR"));
        assertThat(conversion.snapshot().markup()).isEqualByComparingTo("0.03");
        assertThat(conversion.snapshot().legs()).singleElement()
                .satisfies(leg -> assertThat(leg.quote()).isEqualTo(IDR));
        assertThat(conversion.snapshot().asOf()).isEqualTo(clock.instant());
    }

    @Test
    void convertsBetweenTwoNonBaseCurrenciesThroughTheBase() throws Exception {
        rates.importEcb(stream(ECB_DAILY));

        Conversion conversion = rates.convert(Money.of("100", "USD"), MYR, PriceRounding.parse("ending:0.90"),
                BigDecimal.ZERO);

        assertThat(conversion.snapshot().legs()).hasSize(2);
        assertThat(conversion.exact().amount()).isEqualByComparingTo("424.1379310344827586206896551724138");
        assertThat(conversion.price()).isEqualTo(Money.of("424.90", "MYR"));
        assertThat(rates.convert(Money.of("1.16", "USD"), KRW, PriceRounding.parse("standard"), BigDecimal.ZERO)
                .price()).isEqualTo(Money.of(1600, "KRW"));
    }

    @Test
    void onlyRoundsWhenTheCurrencyIsAlreadyTheMarkets() {
        Conversion conversion = rates.convert(Money.of("45.20", "MYR"), MYR, PriceRounding.parse("ending:0.90"),
                new BigDecimal("0.05"));

        assertThat(conversion.price()).isEqualTo(Money.of("45.90", "MYR"));
        assertThat(conversion.snapshot().legs()).isEmpty();
        assertThat(conversion.snapshot().markup()).isZero();
    }

    @Test
    void refusesToConvertWithAStaleRateAndSaysWhatToDo() throws Exception {
        rates.importEcb(stream(ECB_DAILY));
        clock.advance(Duration.ofDays(5));

        assertThatThrownBy(() -> rates.convert(Money.of(39000, "KRW"), Markets.defaults().find("ID").orElseThrow()))
                .isInstanceOf(StaleRateException.class)
                .hasMessageContaining("KRW/IDR").hasMessageContaining("import today's rates or set a manual rate");
        assertThat(rates.age(IDR)).hasValueSatisfying(age -> assertThat(age).isGreaterThan(Duration.ofDays(5)));
        assertThat(rates.oldestRateAgeSeconds()).isGreaterThan(Duration.ofDays(5).toSeconds());
    }

    @Test
    void refusesToConvertWithoutAnyRate() {
        assertThatThrownBy(() -> rates.convert(Money.of(1, "KRW"), USD, PriceRounding.parse("standard"), BigDecimal.ZERO))
                .isInstanceOf(MissingRateException.class).hasMessageContaining("KRW/USD");
        assertThat(rates.oldestRateAgeSeconds()).isZero();
    }

    @Test
    void letsAnOperatorOverrideARateWithAReasonAndKeepsHistory() throws Exception {
        rates.importEcb(stream(ECB_DAILY));
        clock.advance(Duration.ofHours(1));

        ExchangeRate manual = rates.override(IDR, new BigDecimal("12"), "Bank holiday: rate from our bank");

        assertThat(rates.convert(Money.of(1000, "KRW"), IDR, PriceRounding.parse("standard"), BigDecimal.ZERO)
                .price()).isEqualTo(Money.of(12000, "IDR"));
        assertThat(rates.history(IDR)).extracting(ExchangeRate::source)
                .containsExactly(RateSource.ECB, RateSource.MANUAL);
        assertThat(manual.reason()).isEqualTo("Bank holiday: rate from our bank");
        assertThat(rates.age(IDR)).contains(Duration.ZERO);
        assertThatThrownBy(() -> rates.override(IDR, BigDecimal.TEN, " ")).hasMessageContaining("reason");
        assertThatThrownBy(() -> rates.override(IDR, BigDecimal.ZERO, "typo")).hasMessageContaining("positive");
    }

    @Test
    void usesTheRateInForceAtEachMomentAndTheLaterRecordedOfTwoAtTheSameTime() {
        Instant monday = Instant.parse("2026-06-15T00:00:00Z");
        Instant tuesday = monday.plus(Duration.ofDays(1));
        store.add(ExchangeRate.of(KRW, USD, new BigDecimal("0.00070"), monday, RateSource.CSV, null, monday));
        store.add(ExchangeRate.of(KRW, USD, new BigDecimal("0.00072"), tuesday, RateSource.CSV, null, tuesday));
        store.add(ExchangeRate.of(KRW, USD, new BigDecimal("0.00071"), monday, RateSource.MANUAL, "fix",
                monday.plusSeconds(60)));

        assertThat(store.effectiveAt(KRW, USD, monday.plusSeconds(3600)).orElseThrow().rate())
                .isEqualByComparingTo("0.00071");
        assertThat(store.effectiveAt(KRW, USD, tuesday).orElseThrow().rate()).isEqualByComparingTo("0.00072");
        assertThat(store.effectiveAt(KRW, USD, monday.minusSeconds(1))).isEmpty();
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> new RateSettings(KRW, Duration.ZERO, Map.of())).hasMessageContaining("maxAge");
        assertThatThrownBy(() -> new RateSettings(KRW, Duration.ofDays(1), Map.of("ID", BigDecimal.ONE)))
                .hasMessageContaining("markup for ID");
        assertThat(RateSettings.defaults().markupFor("US")).isZero();
    }

    static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
