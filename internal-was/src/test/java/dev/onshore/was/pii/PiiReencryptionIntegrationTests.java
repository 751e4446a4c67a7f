package dev.onshore.was.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.was.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Key rotation on a real MariaDB: a table of personal columns moves from the old key to the new one. */
class PiiReencryptionIntegrationTests {

    private static final String OLD = PiiKeys.newKey();
    private static final String NEW = PiiKeys.newKey();
    private static final PiiTable SHOPPERS = new PiiTable("pii_rotation_it", "id", List.of("full_name", "phone"));

    private static JdbcClient jdbc;

    private final PiiCipher before = PiiKeys.cipher("2025a", "2025a", OLD);
    private final PiiCipher after = PiiKeys.cipher("2026a", "2025a", OLD, "2026a", NEW);

    @BeforeAll
    static void database() throws Exception {
        var settings = new HashMap<String, Object>();
        TestDatabase.register((name, value) -> settings.put(name, value.get()));
        var dataSource = new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(),
                (String) settings.get("spring.datasource.url"), (String) settings.get("spring.datasource.username"),
                (String) settings.get("spring.datasource.password"));
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DROP TABLE IF EXISTS pii_rotation_it").update();
        jdbc.sql("CREATE TABLE pii_rotation_it (id BIGINT PRIMARY KEY, full_name VARCHAR(512), phone VARCHAR(512))")
                .update();
    }

    @AfterAll
    static void dropTable() {
        jdbc.sql("DROP TABLE IF EXISTS pii_rotation_it").update();
        jdbc.sql("DROP TABLE IF EXISTS pii_rotation_binary_it").update();
    }

    @BeforeEach
    void shoppersUnderTheOldKey() {
        jdbc.sql("DELETE FROM pii_rotation_it").update();
        for (long id = 1; id <= 7; id++) {
            jdbc.sql("INSERT INTO pii_rotation_it (id, full_name, phone) VALUES (?, ?, ?)")
                    .params(id, before.encrypt("Shopper " + id), id == 3 ? null : before.encrypt("+62 812-000-" + id))
                    .update();
        }
    }

    @Test
    void reencryptsEveryValueUnderTheNewKeyInBatchesAndKeepsThePlaintext() {
        var reencryption = new PiiReencryption(jdbc, after);
        assertThat(reencryption.remaining(SHOPPERS)).isEqualTo(13);

        var rewritten = reencryption.reencrypt(SHOPPERS, 3);

        assertThat(rewritten).isEqualTo(13);
        assertThat(reencryption.remaining(SHOPPERS)).isZero();
        var newKeyOnly = PiiKeys.cipher("2026a", "2026a", NEW);
        var rows = jdbc.sql("SELECT id, full_name, phone FROM pii_rotation_it ORDER BY id")
                .query((rs, n) -> Map.entry(rs.getLong(1), List.of(rs.getString(2), String.valueOf(rs.getString(3)))))
                .list();
        assertThat(rows).hasSize(7).allSatisfy(row -> {
            assertThat(row.getValue().get(0)).startsWith("pii1:2026a:");
            assertThat(newKeyOnly.decrypt(row.getValue().get(0))).isEqualTo("Shopper " + row.getKey());
        });
        assertThat(rows.get(2).getValue().get(1)).isEqualTo("null");
        assertThat(newKeyOnly.decrypt(rows.get(6).getValue().get(1))).isEqualTo("+62 812-000-7");
    }

    @Test
    void doesNothingTheSecondTime() {
        var reencryption = new PiiReencryption(jdbc, after);
        reencryption.reencrypt(SHOPPERS, 500);
        var firstPass = jdbc.sql("SELECT full_name FROM pii_rotation_it ORDER BY id").query(String.class).list();

        assertThat(reencryption.reencrypt(SHOPPERS, 500)).isZero();
        assertThat(jdbc.sql("SELECT full_name FROM pii_rotation_it ORDER BY id").query(String.class).list())
                .isEqualTo(firstPass);
    }

    @Test
    void walksATableKeyedByBinaryUuidsAsShopOrderIs() {
        jdbc.sql("DROP TABLE IF EXISTS pii_rotation_binary_it").update();
        jdbc.sql("CREATE TABLE pii_rotation_binary_it (id BINARY(16) PRIMARY KEY, ship_to TEXT NOT NULL,"
                + " email VARCHAR(420) NOT NULL)").update();
        for (int i = 0; i < 5; i++) {
            var id = java.nio.ByteBuffer.allocate(16).putLong(i * 7919L - 3).putLong(i).array();
            jdbc.sql("INSERT INTO pii_rotation_binary_it (id, ship_to, email) VALUES (?, ?, ?)")
                    .params(id, before.encrypt("Recipient " + i + "\nJl. " + i), before.encrypt(i + "@example.com"))
                    .update();
        }
        var orders = new PiiTable("pii_rotation_binary_it", "id", List.of("ship_to", "email"));
        var reencryption = new PiiReencryption(jdbc, after);

        assertThat(reencryption.reencrypt(orders, 2)).isEqualTo(10);

        assertThat(reencryption.remaining(orders)).isZero();
        assertThat(jdbc.sql("SELECT email FROM pii_rotation_binary_it").query(String.class).list())
                .extracting(after::decrypt).containsExactlyInAnyOrder("0@example.com", "1@example.com",
                        "2@example.com", "3@example.com", "4@example.com");
    }

    @Test
    void stopsAtAValueItCannotDecryptNamingTheRowButNotTheValue() {
        jdbc.sql("UPDATE pii_rotation_it SET phone = ? WHERE id = 5").param("+62 812-999-999").update();

        assertThatThrownBy(() -> new PiiReencryption(jdbc, after).reencrypt(SHOPPERS, 500))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pii_rotation_it.phone of row 5")
                .hasMessageNotContaining("999");
    }
}
