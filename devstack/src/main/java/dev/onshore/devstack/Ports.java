package dev.onshore.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of one appliance. The demo uses the documented ports; tests shift them all by an offset so a running
 * demo and a test run never collide.
 */
public record Ports(int offset) {

    public static final Ports DEMO = new Ports(0);

    public Ports {
        if (offset < 0 || offset > 40_000) {
            throw new IllegalArgumentException("port offset must be between 0 and 40000: " + offset);
        }
    }

    public int storefront() { return 8080 + offset; }
    public int internalWas() { return 8081 + offset; }
    public int admin() { return 8082 + offset; }
    public int keycloak() { return 8180 + offset; }
    public int keycloakManagement() { return 8181 + offset; }
    public int mariadb() { return 3306 + offset; }
    public int redis() { return 6379 + offset; }
    public int kafka() { return 9092 + offset; }
    public int kafkaController() { return 9093 + offset; }
    public int smtp() { return 3025 + offset; }
    public int imap() { return 3143 + offset; }
    public int mailbox() { return 3180 + offset; }

    /** Every port with the component that owns it, for the "port already taken" check and the status table. */
    public Map<Integer, String> owners() {
        var owners = new LinkedHashMap<Integer, String>();
        owners.put(mariadb(), "mariadb (services)");
        owners.put(kafka(), "kafka (services)");
        owners.put(kafkaController(), "kafka controller (services)");
        owners.put(smtp(), "smtp (services)");
        owners.put(imap(), "imap (services)");
        owners.put(mailbox(), "demo mailbox (services)");
        owners.put(redis(), "redis");
        owners.put(keycloak(), "keycloak");
        owners.put(keycloakManagement(), "keycloak management");
        owners.put(internalWas(), "internal-was");
        owners.put(storefront(), "dmz-api (storefront)");
        owners.put(admin(), "admin");
        return owners;
    }
}
