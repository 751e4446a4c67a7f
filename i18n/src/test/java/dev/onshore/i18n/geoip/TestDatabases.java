package dev.onshore.i18n.geoip;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds real .mmdb files outside the repository: MaxMind's test databases in {@code shared/geoip-test-data} (beside
 * the repository root, never copied into it) and the CC0 country database that {@code i18n/fetch-geoip-db.sh}
 * puts in {@code var/geoip}. Tests that need one are skipped when it is absent, and listed with the reason at the
 * end of the run ({@link dev.onshore.i18n.SkippedTestsSummary}); in CI ({@code CI=true}) they fail instead, since
 * CI has both files and a skip there would hide a missing database.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** The repository root: Failsafe passes {@code onshore.root}; Surefire runs in the module directory. */
    public static Path repositoryRoot() {
        String root = System.getProperty("onshore.root");
        return root != null && !root.isBlank() ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    /** A MaxMind test database such as {@code GeoIP2-Country-Test.mmdb}, or a skipped test. */
    public static Path maxMindTestDatabase(String name) {
        Path file = repositoryRoot().resolve("../shared/geoip-test-data").resolve(name).normalize();
        requireOrSkip(Files.isReadable(file), "MaxMind test database " + file
                + " is absent (it lives in shared/geoip-test-data beside the repository)");
        return file;
    }

    /**
     * The fetched CC0 ip-location-db database ({@code -Donshore.geoip.cc0=FILE}, else {@code var/geoip} in the
     * repository), or a skipped test.
     */
    public static Path fetchedCountryDatabase() {
        String configured = System.getProperty("onshore.geoip.cc0");
        Path file = configured != null && !configured.isBlank() ? Path.of(configured)
                : repositoryRoot().resolve("var/geoip/geo-whois-asn-country.mmdb");
        requireOrSkip(Files.isReadable(file), file + " is absent; run i18n/fetch-geoip-db.sh var/geoip to test against it");
        return file;
    }

    /** A skipped test where the file is absent; a failed one in CI. */
    static void requireOrSkip(boolean present, String absence) {
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true and " + absence);
        }
        assumeTrue(present, () -> "Skipped: " + absence);
    }
}
