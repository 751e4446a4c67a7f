package dev.onshore.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's realms follow the appliance when it starts on other ports. */
class KeycloakTests {

    @TempDir
    Path home;

    private Path database() throws Exception {
        var db = Files.createDirectories(home.resolve("data/h2")).resolve("keycloakdb.mv.db");
        Files.writeString(db, "realms");
        return db;
    }

    @Test
    void keepsTheRealmsWhileTheAddressesStayTheSame() throws Exception {
        Keycloak.forgetRealmsIfMoved(home, "http://localhost:8080 http://127.0.0.1:8082 3025");
        var db = database();

        assertThat(Keycloak.forgetRealmsIfMoved(home, "http://localhost:8080 http://127.0.0.1:8082 3025")).isFalse();
        assertThat(db).exists();
    }

    @Test
    void importsTheRealmsAgainWhenTheApplianceMovedToOtherPorts() throws Exception {
        Keycloak.forgetRealmsIfMoved(home, "http://localhost:8680 http://127.0.0.1:8682 3625");
        var db = database();

        assertThat(Keycloak.forgetRealmsIfMoved(home, "http://localhost:8080 http://127.0.0.1:8082 3025")).isTrue();
        assertThat(db).doesNotExist();
        assertThat(home.resolve("onshore-realm-addresses")).hasContent("http://localhost:8080 http://127.0.0.1:8082 3025");
    }

    @Test
    void importsTheRealmsAgainWhenNobodyRecordedTheirAddresses() throws Exception {
        var db = database();

        assertThat(Keycloak.forgetRealmsIfMoved(home, "http://localhost:8080 http://127.0.0.1:8082 3025")).isTrue();
        assertThat(db).doesNotExist();
    }

    @Test
    void aFirstStartHasNothingToForget() {
        assertThat(Keycloak.forgetRealmsIfMoved(home, "http://localhost:8080 http://127.0.0.1:8082 3025")).isFalse();
        assertThat(home.resolve("onshore-realm-addresses")).exists();
    }
}
