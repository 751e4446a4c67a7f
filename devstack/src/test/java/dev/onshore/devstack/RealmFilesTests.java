package dev.onshore.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the realm files the demo and production import must say about lockouts. */
class RealmFilesTests {

    private static String shoppers() throws Exception {
        return Files.readString(Path.of("../identity/realms/shoppers.json"));
    }

    private static String setting(String json, String name) {
        var matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"?[^,\"\\n]*\"?)").matcher(json);
        assertThat(matcher.find()).as(name).isTrue();
        return matcher.group(1).replace("\"", "");
    }

    @Test
    void failedLoginsLockAShopperOutOnlyBrieflySoAnAttackerCannotKeepThemOut() throws Exception {
        var realm = shoppers();

        assertThat(setting(realm, "bruteForceProtected")).isEqualTo("true");
        assertThat(setting(realm, "permanentLockout")).isEqualTo("false");
        assertThat(setting(realm, "maxTemporaryLockouts")).isEqualTo("0");
        assertThat(Integer.parseInt(setting(realm, "failureFactor"))).isBetween(1, 5);
        assertThat(Integer.parseInt(setting(realm, "waitIncrementSeconds"))).isPositive();
        assertThat(Integer.parseInt(setting(realm, "maxFailureWaitSeconds"))).isBetween(
                Integer.parseInt(setting(realm, "waitIncrementSeconds")), 300);
        assertThat(Integer.parseInt(setting(realm, "maxDeltaTimeSeconds"))).isLessThanOrEqualTo(900);
    }
}
