package dev.onshore.i18n.geoip;

import com.maxmind.db.CHMCache;
import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import com.maxmind.db.Reader;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CountryLookup} over a MaxMind DB (.mmdb) file. Understands the record shapes of MaxMind's GeoIP2 and
 * GeoLite2 Country and City databases ({@code country.iso_code}, falling back to {@code registered_country}) and
 * of the ip-location-db country databases ({@code country_code}).
 * <p>
 * The file is re-examined at most once per {@code recheckInterval}, on the calling thread; when its modification
 * time, size or identity changed it is read again and swapped in atomically, so an updated database takes effect
 * without a restart. A missing or unreadable file means "no country" (never an exception), and a broken update
 * keeps the previous database. The whole file is read into memory, so replacing it in place is safe. Thread-safe.
 */
public final class MaxMindCountryLookup implements CountryLookup {

    private static final Logger log = LoggerFactory.getLogger(MaxMindCountryLookup.class);

    private final Path database;
    private final long recheckNanos;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Loaded loaded;
    private volatile long nextCheck;

    /**
     * @param database        the .mmdb file; may not exist yet (lookups answer empty until it does)
     * @param recheckInterval how often to look at the file for changes; zero checks on every lookup
     */
    public MaxMindCountryLookup(Path database, Duration recheckInterval) {
        this.database = Objects.requireNonNull(database, "database");
        this.recheckNanos = Objects.requireNonNull(recheckInterval, "recheckInterval").toNanos();
        this.loaded = Loaded.NONE;
        this.nextCheck = System.nanoTime();
        reloadIfChanged();
    }

    @Override
    public Optional<String> country(InetAddress address) {
        if (System.nanoTime() - nextCheck >= 0) {
            reloadIfChanged();
        }
        Reader reader = loaded.reader();
        if (reader == null || !PublicAddresses.isPublic(address)) {
            return Optional.empty();
        }
        try {
            CountryRecord found = reader.get(address, CountryRecord.class);
            return found == null ? Optional.empty() : found.isoCode();
        } catch (IOException | RuntimeException e) {
            // A corrupt node or a closed reader must not turn a page view into an error.
            log.debug("GeoIP lookup failed for {} in {}", address, database, e);
            return Optional.empty();
        }
    }

    /** The database type from the file's metadata (e.g. "GeoLite2-Country"), or empty while none is loaded. */
    public Optional<String> databaseType() {
        Reader reader = loaded.reader();
        return reader == null ? Optional.empty() : Optional.of(reader.getMetadata().databaseType());
    }

    /** When the loaded database was built, for a "GeoIP data is old" alert; empty while none is loaded. */
    public Optional<Instant> buildTime() {
        Reader reader = loaded.reader();
        return reader == null ? Optional.empty() : Optional.of(reader.getMetadata().buildTime());
    }

    /** Checks the file now (normally done lazily by lookups) and loads it when it changed. */
    public void reloadIfChanged() {
        if (!reloading.tryLock()) {
            return; // another thread is on it; keep answering from the current database
        }
        try {
            nextCheck = System.nanoTime() + recheckNanos;
            Stamp stamp = Stamp.of(database);
            Loaded current = loaded;
            if (Objects.equals(stamp, current.stamp())) {
                return;
            }
            if (stamp == null) {
                if (current.reader() != null) {
                    log.warn("GeoIP database {} disappeared; keeping the one loaded before", database);
                }
                return;
            }
            Reader reader = new Reader(database.toFile(), Reader.FileMode.MEMORY, new CHMCache());
            loaded = new Loaded(reader, stamp);
            log.info("Loaded GeoIP database {} ({}, built {})", database,
                    reader.getMetadata().databaseType(), reader.getMetadata().buildTime());
            // The old reader is not closed: lookups in flight may still use it, and in memory mode it holds no
            // file handle, only heap that the GC reclaims.
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot load GeoIP database {}; keeping the one loaded before", database, e);
        } finally {
            reloading.unlock();
        }
    }

    private record Loaded(@Nullable Reader reader, @Nullable Stamp stamp) {
        static final Loaded NONE = new Loaded(null, null);
    }

    private record Stamp(Instant modified, long size, @Nullable Object fileKey) {
        static @Nullable Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.lastModifiedTime().toInstant(), attributes.size(), attributes.fileKey());
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * The only fields decoded from a record; the rest of a City record (names in many languages, location) is
     * skipped, which keeps lookups cheap.
     */
    public record CountryRecord(@Nullable IsoCode country, @Nullable IsoCode registeredCountry,
                                @Nullable String countryCode) {

        @MaxMindDbConstructor
        public CountryRecord(@MaxMindDbParameter(name = "country") @Nullable IsoCode country,
                             @MaxMindDbParameter(name = "registered_country") @Nullable IsoCode registeredCountry,
                             @MaxMindDbParameter(name = "country_code") @Nullable String countryCode) {
            this.country = country;
            this.registeredCountry = registeredCountry;
            this.countryCode = countryCode;
        }

        Optional<String> isoCode() {
            String code = country != null && country.isoCode() != null ? country.isoCode()
                    : registeredCountry != null && registeredCountry.isoCode() != null ? registeredCountry.isoCode()
                    : countryCode;
            if (code == null || code.length() != 2) {
                return Optional.empty(); // e.g. "ZZ"-less unknowns or malformed data
            }
            String upper = code.toUpperCase(Locale.ROOT);
            return "ZZ".equals(upper) || "XX".equals(upper) ? Optional.empty() : Optional.of(upper);
        }
    }

    /** The {@code iso_code} of a GeoIP2 country record. */
    public record IsoCode(@Nullable String isoCode) {
        @MaxMindDbConstructor
        public IsoCode(@MaxMindDbParameter(name = "iso_code") @Nullable String isoCode) {
            this.isoCode = isoCode;
        }
    }
}
