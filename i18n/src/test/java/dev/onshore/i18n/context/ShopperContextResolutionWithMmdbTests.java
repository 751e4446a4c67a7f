package dev.onshore.i18n.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.i18n.geoip.MaxMindCountryLookup;
import dev.onshore.i18n.geoip.TestDatabases;
import dev.onshore.i18n.market.Markets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resolution end to end with real .mmdb files: MaxMind's test databases and the fetched CC0 one. */
class ShopperContextResolutionWithMmdbTests {

    static final String CHROME = ShopperContextResolverTests.CHROME;

    @ParameterizedTest(name = "{0} from {1} gives {2} {3} {4} {5} by {6}")
    @CsvSource({
        "GeoIP2-Country-Test.mmdb,  175.16.199.1, CN, zh-Hans-CN, CNY, Asia/Shanghai,    GEOIP",
        "GeoIP2-Country-Test.mmdb,  2001:220::1,  KR, ko-KR,      KRW, Asia/Seoul,       GEOIP",
        "GeoLite2-City-Test.mmdb,   2001:218::1,  JP, ja-JP,      JPY, Asia/Tokyo,       GEOIP",
        "GeoIP2-City-Test.mmdb,     216.160.83.56, US, en-US,     USD, America/New_York, GEOIP",
        "GeoIP2-Country-Test.mmdb,  81.2.69.142,  KR, ko-KR,      KRW, Asia/Seoul,       SITE_DEFAULT",
        "GeoIP2-Country-Test.mmdb,  10.0.0.1,     KR, ko-KR,      KRW, Asia/Seoul,       SITE_DEFAULT",
    })
    void resolvesFromMaxMindTestDatabases(String database, String ip, String country, String locale, String currency,
                                          String zone, Resolution resolution) {
        var resolver = new ShopperContextResolver(Markets.defaults(),
                new MaxMindCountryLookup(TestDatabases.maxMindTestDatabase(database), Duration.ofMinutes(1)));

        ShopperContext context = resolver.resolve(ShopperRequest.ofBrowser(null, ip, CHROME));

        assertThat(context.country()).isEqualTo(country);
        assertThat(context.locale()).isEqualTo(Locale.forLanguageTag(locale));
        assertThat(context.currency().getCurrencyCode()).isEqualTo(currency);
        assertThat(context.zoneId().getId()).isEqualTo(zone);
        assertThat(context.resolvedBy()).isEqualTo(resolution);
    }

    @Test
    void resolvesAJakartaShopperFromTheFetchedCc0Database() {
        Path database = TestDatabases.fetchedCountryDatabase();
        var resolver = new ShopperContextResolver(Markets.defaults(),
                new MaxMindCountryLookup(database, Duration.ofMinutes(1)));

        ShopperContext context = resolver.resolve(ShopperRequest.ofBrowser("en-US,en;q=0.9", "36.86.63.182", CHROME));

        assertThat(context.country()).isEqualTo("ID");
        assertThat(context.locale()).isEqualTo(Locale.forLanguageTag("en-US"));
        assertThat(context.currency().getCurrencyCode()).isEqualTo("IDR");
    }
}
