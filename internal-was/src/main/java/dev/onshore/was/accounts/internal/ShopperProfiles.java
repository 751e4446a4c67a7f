package dev.onshore.was.accounts.internal;

import dev.onshore.was.accounts.Profile;
import dev.onshore.was.pii.PiiAttributeConverter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Profiles in MariaDB; name and phone encrypted through {@link PiiAttributeConverter}. */
@Repository
class ShopperProfiles {

    private final JdbcClient jdbc;
    private final PiiAttributeConverter pii;

    ShopperProfiles(JdbcClient jdbc, PiiAttributeConverter pii) {
        this.jdbc = jdbc;
        this.pii = pii;
    }

    Optional<Profile> find(String subject) {
        return jdbc.sql("SELECT * FROM shopper_profile WHERE subject = ?").param(subject)
                .query((rs, row) -> profile(rs)).optional();
    }

    /** Creates the empty row if missing and locks it: the shopper's account changes one at a time. */
    void lock(String subject, Instant now) {
        jdbc.sql("INSERT IGNORE INTO shopper_profile (subject, created_at, updated_at) VALUES (?, ?, ?)")
                .params(subject, Timestamp.from(now), Timestamp.from(now)).update();
        jdbc.sql("SELECT subject FROM shopper_profile WHERE subject = ? FOR UPDATE").param(subject)
                .query(String.class).single();
    }

    void save(Profile profile, Instant now) {
        lock(profile.subject(), now);
        jdbc.sql("""
                UPDATE shopper_profile SET display_name = ?, phone = ?, market = ?, locale = ?, currency = ?,
                  time_zone = ?, updated_at = ? WHERE subject = ?""")
                .params(pii.convertToDatabaseColumn(profile.displayName()),
                        pii.convertToDatabaseColumn(profile.phone()), profile.market(),
                        profile.locale() == null ? null : profile.locale().toLanguageTag(),
                        profile.currency() == null ? null : profile.currency().getCurrencyCode(),
                        profile.zone() == null ? null : profile.zone().getId(), Timestamp.from(now),
                        profile.subject())
                .update();
    }

    int delete(String subject) {
        return jdbc.sql("DELETE FROM shopper_profile WHERE subject = ?").param(subject).update();
    }

    private Profile profile(ResultSet rs) throws SQLException {
        return new Profile(rs.getString("subject"), pii.convertToEntityAttribute(rs.getString("display_name")),
                pii.convertToEntityAttribute(rs.getString("phone")), rs.getString("market"),
                map(rs.getString("locale"), Locale::forLanguageTag),
                map(rs.getString("currency"), Currency::getInstance), map(rs.getString("time_zone"), ZoneId::of));
    }

    private static <T> @Nullable T map(@Nullable String value, java.util.function.Function<String, T> parse) {
        return value == null ? null : parse.apply(value);
    }
}
