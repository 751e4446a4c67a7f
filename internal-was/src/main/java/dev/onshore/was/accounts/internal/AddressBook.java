package dev.onshore.was.accounts.internal;

import dev.onshore.i18n.address.Address;
import dev.onshore.i18n.address.AddressField;
import dev.onshore.was.accounts.SavedAddress;
import dev.onshore.was.pii.PiiAttributeConverter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved addresses in MariaDB: the fields as one JSON value encrypted through {@link PiiAttributeConverter}. Every
 * query names the owner: an id of someone else's address finds nothing.
 */
@Repository
class AddressBook {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final PiiAttributeConverter pii;

    AddressBook(JdbcClient jdbc, PiiAttributeConverter pii) {
        this.jdbc = jdbc;
        this.pii = pii;
    }

    List<SavedAddress> all(String subject) {
        return jdbc.sql("SELECT * FROM shopper_address WHERE subject = ? ORDER BY preferred DESC, created_at, id")
                .param(subject).query((rs, row) -> address(rs)).list();
    }

    Optional<SavedAddress> find(String subject, UUID id) {
        return jdbc.sql("SELECT * FROM shopper_address WHERE subject = ? AND id = ?").params(subject, id.toString())
                .query((rs, row) -> address(rs)).optional();
    }

    int count(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM shopper_address WHERE subject = ?").param(subject).query(Integer.class)
                .single();
    }

    void add(String subject, UUID id, Address address, boolean preferred, Instant now) {
        jdbc.sql("""
                INSERT INTO shopper_address (id, subject, country, fields, preferred, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), subject, address.country(), encrypt(address), preferred, Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    boolean update(String subject, UUID id, Address address, Instant now) {
        return jdbc.sql("UPDATE shopper_address SET country = ?, fields = ?, updated_at = ? WHERE subject = ? AND id = ?")
                .params(address.country(), encrypt(address), Timestamp.from(now), subject, id.toString())
                .update() == 1;
    }

    /** Makes {@code id} the only preferred address of the shopper; false when they have no such address. */
    boolean prefer(String subject, UUID id) {
        if (find(subject, id).isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE shopper_address SET preferred = (id = ?) WHERE subject = ?").params(id.toString(), subject)
                .update();
        return true;
    }

    boolean remove(String subject, UUID id) {
        return jdbc.sql("DELETE FROM shopper_address WHERE subject = ? AND id = ?").params(subject, id.toString())
                .update() == 1;
    }

    int removeAll(String subject) {
        return jdbc.sql("DELETE FROM shopper_address WHERE subject = ?").param(subject).update();
    }

    private String encrypt(Address address) {
        var fields = new LinkedHashMap<String, String>();
        address.fields().forEach((field, value) -> fields.put(field.name(), value));
        return java.util.Objects.requireNonNull(pii.convertToDatabaseColumn(JSON.writeValueAsString(fields)));
    }

    private SavedAddress address(ResultSet rs) throws SQLException {
        var json = pii.convertToEntityAttribute(rs.getString("fields"));
        Map<String, String> stored = JSON.readValue(json, new TypeReference<Map<String, String>>() {
        });
        var fields = new EnumMap<AddressField, String>(AddressField.class);
        stored.forEach((name, value) -> fields.put(AddressField.valueOf(name), value));
        return new SavedAddress(UUID.fromString(rs.getString("id")), new Address(rs.getString("country"), fields),
                rs.getBoolean("preferred"));
    }
}
