package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.BrandAdministration.BrandText;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Brand profiles in {@code brand_profile} and {@code brand_profile_text} (V94). Plain SQL: a profile is a row and its
 * texts, keyed by the brand's name, which a rename changes (the texts follow by {@code ON UPDATE CASCADE}).
 */
@Repository
class BrandProfiles {

    /** A stored profile: its version, logo file and pixels, texts by language. */
    record Row(String name, long version, @Nullable String logo, int logoWidth, int logoHeight,
            Map<String, BrandText> texts) {
    }

    private final JdbcClient jdbc;

    BrandProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String name) {
        return read(name, "");
    }

    /** The profile, its row locked until the transaction ends (edits of one brand queue behind each other). */
    Optional<Row> lock(String name) {
        return read(name, " FOR UPDATE");
    }

    private Optional<Row> read(String name, String lock) {
        return jdbc.sql("SELECT name, version, logo, logo_width, logo_height FROM brand_profile WHERE name = ?" + lock)
                .param(name)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), texts(name)))
                .optional();
    }

    private Map<String, BrandText> texts(String name) {
        var texts = new TreeMap<String, BrandText>();
        jdbc.sql("SELECT language, display_name, description FROM brand_profile_text WHERE brand = ?").param(name)
                .query(rs -> {
                    texts.put(rs.getString(1), new BrandText(rs.getString(2), rs.getString(3)));
                });
        return texts;
    }

    /** Every profile's logo and languages, by brand name (for the brand list). */
    Map<String, Row> all() {
        var rows = new TreeMap<String, Row>();
        for (var row : jdbc.sql("SELECT name, version, logo, logo_width, logo_height FROM brand_profile")
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), new TreeMap<>()))
                .list()) {
            rows.put(row.name(), row);
        }
        jdbc.sql("SELECT brand, language, display_name, description FROM brand_profile_text").query(rs -> {
            var row = rows.get(rs.getString(1));
            if (row != null) {
                row.texts().put(rs.getString(2), new BrandText(rs.getString(3), rs.getString(4)));
            }
        });
        return rows;
    }

    /** Writes the profile at {@code version}: inserts it when {@code version} is 1, else updates it. */
    void save(Row row, Instant now) {
        if (row.version() == 1) {
            jdbc.sql("INSERT INTO brand_profile (name, logo, logo_width, logo_height, version, updated_at)"
                    + " VALUES (?, ?, ?, ?, 1, ?)")
                    .params(row.name(), row.logo(), row.logoWidth(), row.logoHeight(), Timestamp.from(now)).update();
        } else {
            jdbc.sql("UPDATE brand_profile SET logo = ?, logo_width = ?, logo_height = ?, version = ?, updated_at = ?"
                    + " WHERE name = ?")
                    .params(row.logo(), row.logoWidth(), row.logoHeight(), row.version(), Timestamp.from(now),
                            row.name())
                    .update();
        }
        jdbc.sql("DELETE FROM brand_profile_text WHERE brand = ?").param(row.name()).update();
        row.texts().forEach((language, text) -> jdbc.sql("INSERT INTO brand_profile_text"
                + " (brand, language, display_name, description) VALUES (?, ?, ?, ?)")
                .params(row.name(), language, text.displayName(), text.description()).update());
    }

    /** Gives the profile of {@code from} the name {@code to} (its texts follow); false when it has none. */
    boolean rename(String from, String to) {
        return jdbc.sql("UPDATE brand_profile SET name = ?, version = version + 1 WHERE name = ?").params(to, from)
                .update() > 0;
    }

    void delete(String name) {
        jdbc.sql("DELETE FROM brand_profile WHERE name = ?").param(name).update();
    }
}
