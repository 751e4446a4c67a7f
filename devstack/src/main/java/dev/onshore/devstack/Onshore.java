package dev.onshore.devstack;

import java.time.Instant;
import java.util.Arrays;

/**
 * The launcher behind {@code ./onshore}: {@code up}, {@code down}, {@code status}, {@code otp}, and {@code services}
 * (the long-running process that hosts MariaDB, Kafka and SMTP).
 */
public final class Onshore {

    static final String USAGE = """
            Usage: ./onshore <command>
              up       build what is missing and start the appliance with demo data
              down     stop everything ./onshore up started
              status   show each component and whether it is ready
              otp      print the demo operator's current TOTP code
              test     run every test (what CI runs)
            """;

    private Onshore() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        var layout = Layout.detect();
        var offset = Arrays.stream(args).filter(a -> a.startsWith("--port-offset=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("--port-offset=".length())))
                .orElseGet(() -> Integer.parseInt(System.getenv().getOrDefault("ONSHORE_PORT_OFFSET", "0")));
        var ports = new Ports(offset);
        var appliance = new Appliance(layout, ports, System.getProperty("java.home"));
        try {
            switch (args[0]) {
                case "up" -> up(appliance);
                case "down" -> {
                    var stopped = appliance.down();
                    System.out.println(stopped.isEmpty() ? "Onshore was not running." : "Stopped: " + String.join(", ", stopped));
                }
                case "status" -> {
                    var table = appliance.status();
                    table.forEach((name, state) -> System.out.printf("  %-13s %s%n", name, state));
                    if (table.values().stream().anyMatch(state -> !state.startsWith("ready"))) {
                        System.exit(1);
                    }
                }
                case "otp" -> System.out.println(Totp.code(appliance.secrets().get(Secrets.Name.DEMO_OPERATOR_TOTP_KEY), Instant.now()));
                case "services" -> EmbeddedServices.run(layout, ports);
                default -> {
                    System.err.println("Unknown command: " + args[0]);
                    System.err.print(USAGE);
                    System.exit(2);
                }
            }
        } catch (ApplianceException e) {
            System.err.println("onshore: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void up(Appliance appliance) {
        System.out.println("Starting Onshore (first start unpacks Keycloak and MariaDB; later starts are faster)...");
        var took = appliance.up();
        var secrets = appliance.secrets();
        var totpKey = secrets.get(Secrets.Name.DEMO_OPERATOR_TOTP_KEY);
        System.out.printf("""

                Onshore is up (%d s).
                  Storefront     %s/
                  Admin          %s/            (loopback only: the operators' network)
                  Keycloak       %s/admin/      admin / %s
                  Demo mailbox   %s/mailbox         (every mail the shop sent; IMAP on 127.0.0.1:%d too)

                Demo logins
                  operator       operator / %s, then a TOTP code: ./onshore otp
                                 (authenticator app key: %s); role ADMIN
                  one role each  catalog, orders, content, finance, viewer: same password and TOTP
                                 (CATALOG_MANAGER, ORDER_MANAGER, CONTENT_MANAGER, FINANCE, VIEWER)
                  shopper        shopper@onshore.test / %s

                Logs in var/log/, secrets in var/secrets/ (0600). Stop with: ./onshore down
                """,
                took.toSeconds(), appliance.storefrontUrl(), appliance.adminUrl(), appliance.keycloakUrl(),
                secrets.get(Secrets.Name.KEYCLOAK_ADMIN_PASSWORD), appliance.adminUrl(), appliance.ports().imap(),
                secrets.get(Secrets.Name.DEMO_OPERATOR_PASSWORD), Secrets.base32(totpKey),
                secrets.get(Secrets.Name.DEMO_SHOPPER_PASSWORD));
    }
}
