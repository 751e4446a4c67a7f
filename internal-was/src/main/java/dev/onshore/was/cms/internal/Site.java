package dev.onshore.was.cms.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A market's site: its time zone (in which operators schedule) and the language its items fall back to. */
@Entity
@Table(name = "cms_site")
class Site {

    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");

    @Id
    @Column(length = 2)
    private String market;

    @Column(name = "time_zone", nullable = false, length = 40)
    private String timeZone;

    @Column(name = "default_language", nullable = false, length = 20)
    private String defaultLanguage;

    protected Site() {
        // for JPA
    }

    Site(String market, ZoneId zone, String defaultLanguage) {
        if (!MARKET.matcher(market).matches()) {
            throw new IllegalArgumentException("A market is an ISO 3166 country code: " + market);
        }
        this.market = market;
        this.timeZone = zone.getId();
        this.defaultLanguage = defaultLanguage;
    }

    String market() {
        return market;
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    String defaultLanguage() {
        return defaultLanguage;
    }

    /** An operator's wall-clock time in this market as a UTC instant (the later one in a DST overlap). */
    @Nullable
    Instant instant(@Nullable LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).withLaterOffsetAtOverlap().toInstant();
    }

    /** A stored instant as the wall-clock time in this market. */
    @Nullable
    LocalDateTime local(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }
}
