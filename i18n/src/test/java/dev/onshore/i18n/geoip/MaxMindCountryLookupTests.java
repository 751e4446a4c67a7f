package dev.onshore.i18n.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaxMindCountryLookupTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} finds {1} for {2}")
    @CsvSource({
        "GeoIP2-Country-Test.mmdb, GB, 81.2.69.142",
        "GeoIP2-Country-Test.mmdb, US, 216.160.83.56",
        "GeoIP2-Country-Test.mmdb, CN, 175.16.199.1",
        "GeoIP2-Country-Test.mmdb, KR, 2001:220::1",
        "GeoIP2-Country-Test.mmdb, JP, 2001:218::1",
        "GeoIP2-Country-Test.mmdb, KR, [2001:220::1]",
        "GeoLite2-Country-Test.mmdb, GB, 81.2.69.142",
        "GeoIP2-City-Test.mmdb, US, 216.160.83.56",
        "GeoLite2-City-Test.mmdb, CN, 175.16.199.1",
        "GeoLite2-City-Test.mmdb, KR, 2001:220::1",
    })
    void findsTheCountryInMaxMindTestDatabases(String database, String country, String ip) {
        var lookup = new MaxMindCountryLookup(TestDatabases.maxMindTestDatabase(database), Duration.ofMinutes(1));

        assertThat(lookup.country(ip)).contains(country);
    }

    @ParameterizedTest(name = "no country for \"{0}\"")
    @ValueSource(strings = {"10.0.0.1", "192.168.1.1", "172.16.5.5", "127.0.0.1", "::1", "fe80::1", "fd00::1",
        "169.254.1.1", "100.64.0.1", "0.0.0.0", "255.255.255.255", "224.0.0.1", "192.0.2.1", "2001:db8::1",
        "1.1.1.1", "example.com", "81.2.69.142:443", "81.2.69", "999.1.1.1", "", " ", "::ffff:10.0.0.1",
        "fe80::1%eth0", "81.2.69.142, 10.0.0.1", "\u0000", "😀"})
    void answersNothingForPrivateReservedUnknownAndMalformedAddresses(String ip) {
        var lookup = new MaxMindCountryLookup(TestDatabases.maxMindTestDatabase("GeoIP2-Country-Test.mmdb"),
                Duration.ofMinutes(1));

        assertThat(lookup.country(ip)).isEmpty();
    }

    @Test
    void readsTheCountryCodeShapeOfIpLocationDbFilesWrittenByTheTest() throws Exception {
        Path file = dir.resolve("country.mmdb");
        new MmdbWriter("country ipvAll").countryCode("36.64.0.0/11", "ID").countryCode("2404:c0::/29", "ID")
                .countryCode("175.136.0.0/13", "MY").write(file);

        var lookup = new MaxMindCountryLookup(file, Duration.ofMinutes(1));

        assertThat(lookup.country("36.86.63.182")).contains("ID");
        assertThat(lookup.country("2404:c0::1")).contains("ID");
        assertThat(lookup.country("175.139.1.1")).contains("MY");
        assertThat(lookup.country("8.8.8.8")).isEmpty();
        assertThat(lookup.databaseType()).contains("country ipvAll");
    }

    @Test
    void picksUpAReplacedDatabaseWithoutARestart() throws Exception {
        Path file = dir.resolve("GeoLite2-Country.mmdb");
        new MmdbWriter("GeoLite2-Country").geoIp2("36.64.0.0/11", "ID").write(file);
        var lookup = new MaxMindCountryLookup(file, Duration.ZERO);
        assertThat(lookup.country("36.86.63.182")).contains("ID");

        new MmdbWriter("GeoLite2-Country").geoIp2("36.64.0.0/11", "SG").write(file);

        assertThat(lookup.country("36.86.63.182")).contains("SG");
    }

    @Test
    void startsWithoutADatabaseAndLoadsItWhenItAppears() throws Exception {
        Path file = dir.resolve("later.mmdb");
        var lookup = new MaxMindCountryLookup(file, Duration.ZERO);
        assertThat(lookup.country("36.86.63.182")).isEmpty();
        assertThat(lookup.databaseType()).isEmpty();

        new MmdbWriter("GeoLite2-Country").geoIp2("36.64.0.0/11", "ID").write(file);

        assertThat(lookup.country("36.86.63.182")).contains("ID");
    }

    @Test
    void keepsThePreviousDatabaseWhenTheNewFileIsBroken() throws Exception {
        Path file = dir.resolve("GeoLite2-Country.mmdb");
        new MmdbWriter("GeoLite2-Country").geoIp2("36.64.0.0/11", "ID").write(file);
        var lookup = new MaxMindCountryLookup(file, Duration.ZERO);

        Files.write(file, new byte[] {1, 2, 3, 4});

        assertThat(lookup.country("36.86.63.182")).contains("ID");
    }

    @Test
    void readsTheFetchedCc0CountryDatabaseWhenPresent() {
        var lookup = new MaxMindCountryLookup(TestDatabases.fetchedCountryDatabase(), Duration.ofMinutes(1));

        assertThat(lookup.country("8.8.8.8")).contains("US");
        assertThat(lookup.country("203.246.160.1")).contains("KR"); // KT
        assertThat(lookup.country("36.86.63.182")).contains("ID"); // Telkom Indonesia
        assertThat(lookup.country("10.1.2.3")).isEmpty();
    }
}
