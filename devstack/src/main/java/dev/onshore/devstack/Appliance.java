package dev.onshore.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Starts, probes and stops the whole appliance on one machine. Every process it starts is recorded in a pid file
 * (pid and start time, so a recycled pid is never signalled) and stopped by that pid; nothing else is touched.
 */
public final class Appliance {

    /** Components in start order; stopped in reverse. */
    public static final List<String> COMPONENTS = List.of("services", "redis", "keycloak", "internal-was", "dmz-api",
            "admin");

    private final Layout layout;
    private final Ports ports;
    private final String javaHome;
    private final List<String> jvmOptions;
    private final Secrets secrets;

    public Appliance(Layout layout, Ports ports, String javaHome) {
        this(layout, ports, javaHome, List.of());
    }

    /**
     * @param jvmOptions added to every Java process the appliance starts (the services, Keycloak, the applications):
     *     the system tests run a C1-only appliance, whose JIT costs their two shared cores less than its code gains
     */
    public Appliance(Layout layout, Ports ports, String javaHome, List<String> jvmOptions) {
        this.layout = layout;
        this.ports = ports;
        this.javaHome = javaHome;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.secrets = new Secrets(layout);
    }

    public Layout layout() {
        return layout;
    }

    public Ports ports() {
        return ports;
    }

    public Secrets secrets() {
        return secrets;
    }

    /** The storefront's public base URL (what shoppers and the shoppers realm see). */
    public String storefrontUrl() {
        return "http://localhost:" + ports.storefront();
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + ports.admin();
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + ports.keycloak();
    }

    public String internalWasUrl() {
        return "http://127.0.0.1:" + ports.internalWas();
    }

    /**
     * Starts every component not yet running and waits until all are ready. On any failure the components this call
     * started are stopped again and the exception names the failing component's log.
     *
     * @return how long it took
     */
    public Duration up() {
        var began = Instant.now();
        var running = COMPONENTS.stream().filter(name -> alive(name).isPresent()).toList();
        if (!running.isEmpty()) {
            throw new ApplianceException("Onshore is already running (" + String.join(", ", running)
                    + "). See ./onshore status, or stop it with ./onshore down.");
        }
        // A marker left by services that did not stop cleanly (a killed launcher, a power cut) would pass the probe
        // before the new services deleted it: internal-was then started while MariaDB was still recovering and gave up.
        deleteQuietly(layout.servicesReady());
        requireFreePorts();
        secrets.generateAll();
        var started = new ArrayList<Component>();
        try {
            var services = services();
            var redis = redis();
            var internalWas = internalWas();
            var dmzApi = dmzApi();
            var admin = admin();
            for (var component : List.of(services, redis, dmzApi, admin)) {
                start(component, started);
            }
            // Unpacking and building Keycloak the first time takes a while: the others start meanwhile.
            var keycloak = keycloak();
            start(keycloak, started);
            awaitReady(services);
            start(internalWas, started);
            for (var component : List.of(redis, internalWas, dmzApi, admin, keycloak)) {
                awaitReady(component);
            }
            return Duration.between(began, Instant.now());
        } catch (RuntimeException e) {
            for (var component : started.reversed()) {
                stop(component.name());
            }
            throw e;
        }
    }

    /** Stops every recorded component, newest first. Returns the names it stopped. */
    public List<String> down() {
        var stopped = new ArrayList<String>();
        for (var name : COMPONENTS.reversed()) {
            if (stop(name)) {
                stopped.add(name);
            }
        }
        return stopped;
    }

    /** One line per component: running or not, ready or not. */
    public Map<String, String> status() {
        var table = new LinkedHashMap<String, String>();
        for (var name : COMPONENTS) {
            var process = alive(name);
            if (process.isEmpty()) {
                table.put(name, "stopped");
                continue;
            }
            var ready = probeFor(name).ready();
            table.put(name, (ready ? "ready" : "NOT READY") + "  pid " + process.get().pid() + "  " + endpoint(name)
                    + "  log " + layout.log(name));
        }
        return table;
    }

    private Probe probeFor(String name) {
        return switch (name) {
            case "services" -> Probe.file(layout.servicesReady());
            case "redis" -> Probe.redis(ports.redis(), secrets.get(Secrets.Name.REDIS_PASSWORD));
            case "keycloak" -> Probe.http("http://127.0.0.1:" + ports.keycloakManagement() + "/health/ready");
            case "internal-was" -> Probe.http(internalWasUrl() + "/actuator/health/readiness");
            case "dmz-api" -> Probe.http("http://127.0.0.1:" + ports.storefront() + "/actuator/health/readiness");
            case "admin" -> Probe.http(adminUrl() + "/actuator/health/readiness");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private String endpoint(String name) {
        return switch (name) {
            case "services" -> "mariadb 127.0.0.1:" + ports.mariadb() + ", kafka 127.0.0.1:" + ports.kafka()
                    + ", smtp 127.0.0.1:" + ports.smtp() + ", imap 127.0.0.1:" + ports.imap()
                    + ", mailbox http://127.0.0.1:" + ports.mailbox() + "/messages";
            case "redis" -> "127.0.0.1:" + ports.redis();
            case "keycloak" -> keycloakUrl();
            case "internal-was" -> internalWasUrl();
            case "dmz-api" -> storefrontUrl();
            case "admin" -> adminUrl();
            default -> throw new IllegalArgumentException(name);
        };
    }

    // --- the components -------------------------------------------------------------------------------------

    private Component services() {
        var devstack = layout.root().resolve("devstack/target");
        var jar = devstack.resolve("devstack.jar");
        var classpath = devstack.resolve("classpath.txt");
        requireFile(jar, "./mvnw -pl devstack -am package -DskipTests");
        requireFile(classpath, "./mvnw -pl devstack -am package -DskipTests");
        String cp;
        try {
            cp = jar + File.pathSeparator + Files.readString(classpath).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Component("services",
                java(List.of("-Xmx768m", "-cp", cp, "-Donshore.root=" + layout.root(), "-Donshore.var=" + layout.var(),
                        Onshore.class.getName(), "services", "--port-offset=" + ports.offset())),
                Map.of(), probeFor("services"), Duration.ofSeconds(120));
    }

    private Component redis() {
        var server = Path.of("/usr/bin/redis-server");
        if (!Files.isExecutable(server)) {
            throw new ApplianceException("redis-server is not installed: apt-get install redis-server");
        }
        var dir = layout.data("redis");
        var conf = dir.resolve("redis.conf");
        Secrets.writePrivate(conf, redisConfig(ports.redis(), dir, secrets.get(Secrets.Name.REDIS_PASSWORD),
                secrets.get(Secrets.Name.REDIS_EDGE_PASSWORD)));
        return new Component("redis", List.of(server.toString(), conf.toString()), Map.of(), probeFor("redis"),
                Duration.ofSeconds(30));
    }

    /** The ACL user dmz-api connects as: the DMZ host is the likeliest to be taken, so it gets the least. */
    static final String EDGE_REDIS_USER = "edge";

    /**
     * The edge's rights, as the Ansible redis role gives them (redis.conf.j2): its key prefixes ({@code rl:} rate
     * limits, {@code wr:} waiting room), no Pub/Sub channel, and only the commands its Lua scripts and Redisson's
     * connections use (docs/security/redis-acl.md). No FLUSHALL, CONFIG, KEYS, SCAN, DEBUG, MODULE, ACL, SCRIPT FLUSH.
     */
    static final String EDGE_REDIS_RULES = "on resetkeys ~rl:* ~wr:* resetchannels -@all +ping +client|setname "
            + "+eval +evalsha +script|load +del +exists +get +set +incr +decr +pexpire +pexpireat +pttl +sismember "
            + "+sadd +time";

    /**
     * redis.conf of the demo: the default user (password {@code password}) for operators and tools, and the edge's
     * own user with {@code edgePassword}.
     */
    static String redisConfig(int port, Path dir, String password, String edgePassword) {
        return String.join("\n",
                "# Generated by ./onshore; holds secrets (mode 0600).",
                "bind 127.0.0.1",
                "port " + port,
                "protected-mode yes",
                "requirepass " + password,
                "user " + EDGE_REDIS_USER + " " + EDGE_REDIS_RULES + " >" + edgePassword,
                "dir " + dir,
                "appendonly yes",
                "save \"\"",
                "daemonize no",
                "");
    }

    private Component keycloak() {
        var kc = Keycloak.resolve(layout).install(javaHome,
                String.join(" ", storefrontUrl(), adminUrl(), Integer.toString(ports.smtp())));
        var env = new LinkedHashMap<String, String>();
        env.put("JAVA_HOME", javaHome);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
        if (!jvmOptions.isEmpty()) {
            env.put("JAVA_OPTS_APPEND", String.join(" ", jvmOptions));
        }
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.get(Secrets.Name.KEYCLOAK_ADMIN_PASSWORD));
        env.put("ONSHORE_STOREFRONT_URL", storefrontUrl());
        env.put("ONSHORE_ADMIN_URL", adminUrl());
        env.put("ONSHORE_SMTP_PORT", Integer.toString(ports.smtp()));
        env.put("ONSHORE_ADMIN_CLIENT_SECRET", secrets.get(Secrets.Name.ADMIN_CLIENT_SECRET));
        env.put("ONSHORE_SERVICE_CLIENT_SECRET", secrets.get(Secrets.Name.SERVICE_CLIENT_SECRET));
        env.put("ONSHORE_ERASURE_CLIENT_SECRET", secrets.get(Secrets.Name.ERASURE_CLIENT_SECRET));
        env.put("ONSHORE_DEMO_OPERATOR_PASSWORD", secrets.get(Secrets.Name.DEMO_OPERATOR_PASSWORD));
        env.put("ONSHORE_DEMO_OPERATOR_TOTP_KEY", secrets.get(Secrets.Name.DEMO_OPERATOR_TOTP_KEY));
        env.put("ONSHORE_DEMO_SHOPPER_PASSWORD", secrets.get(Secrets.Name.DEMO_SHOPPER_PASSWORD));
        var command = new ArrayList<>(List.of(kc.toString(), "start", "--optimized", "--http-enabled=true",
                "--http-host=127.0.0.1", "--http-port=" + ports.keycloak(),
                "--http-management-port=" + ports.keycloakManagement(), "--hostname-strict=false", "--import-realm"));
        command.addAll(Keycloak.START_OPTIONS);
        return new Component("keycloak", command, env, probeFor("keycloak"), Duration.ofSeconds(240));
    }

    /**
     * Starts one more internal-was node (same database, Kafka and realms; its own heap, search index and page cache)
     * on {@code port} and waits until it is ready, for tests of what every node must see. It runs as component
     * {@code name} (pid file, log) and is stopped with {@link #stop(String)}.
     *
     * @return its base URL
     */
    public String startInternalWasNode(String name, int port) {
        var component = internalWas(name, port);
        var started = new ArrayList<Component>();
        try {
            start(component, started);
            awaitReady(component);
        } catch (RuntimeException e) {
            stop(name);
            throw e;
        }
        return "http://127.0.0.1:" + port;
    }

    private Component internalWas() {
        return internalWas("internal-was", ports.internalWas());
    }

    private Component internalWas(String name, int port) {
        var secretsDir = secrets.project(layout, "internal-was", Map.of(
                "spring.datasource.password", Secrets.Name.DB_APP_PASSWORD,
                "onshore.hop.keys.current", Secrets.Name.HOP_KEY,
                "onshore.storefront.cookies.secret", Secrets.Name.STOREFRONT_COOKIE_SECRET,
                "onshore.accounts.shopper-realm.client-secret", Secrets.Name.ERASURE_CLIENT_SECRET));
        var component = app("internal-was", port, secretsDir, List.of(
                "--spring.datasource.url=jdbc:mariadb://127.0.0.1:" + ports.mariadb() + "/onshore",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
                "--spring.mail.port=" + ports.smtp(),
                "--onshore.media.directory=" + layout.data("media"),
                "--onshore.accounts.pii.key-file=" + secrets.piiKeyFile(),
                "--onshore.identity.keycloak-url=" + keycloakUrl(),
                "--onshore.identity.shopper-issuer=" + storefrontUrl() + "/realms/shoppers",
                "--onshore.identity.operator-issuer=" + keycloakUrl() + "/realms/operators",
                "--onshore.storefront.public-base-url=" + storefrontUrl(),
                // The sandbox's payment page and its way back to the order's page, at the storefront's address.
                "--onshore.payments.sandbox.public-url=" + storefrontUrl(),
                "--onshore.checkout.return-url=" + storefrontUrl() + "/orders/{number}"));
        return name.equals(component.name()) ? component
                : new Component(name, component.command(), component.environment(),
                        Probe.http("http://127.0.0.1:" + port + "/actuator/health/readiness"), component.startTimeout());
    }

    private Component dmzApi() {
        // The edge's own Redis user, never the default one (docs/security/redis-acl.md).
        var secretsDir = secrets.project(layout, "dmz-api", Map.of(
                "spring.data.redis.password", Secrets.Name.REDIS_EDGE_PASSWORD,
                "onshore.gateway.pass-key", Secrets.Name.STOREFRONT_PASS_KEY,
                "onshore.hop.key", Secrets.Name.HOP_KEY));
        return app("dmz-api", ports.storefront(), secretsDir, List.of(
                "--onshore.gateway.internal-was-url=" + internalWasUrl(),
                "--onshore.gateway.keycloak-url=" + keycloakUrl(),
                "--onshore.geoip.database=" + layout.root().resolve("var/geoip/geo-whois-asn-country.mmdb"),
                "--spring.data.redis.port=" + ports.redis(),
                "--spring.data.redis.username=" + EDGE_REDIS_USER));
    }

    private Component admin() {
        var secretsDir = secrets.project(layout, "admin", Map.of(
                "onshore.admin.login-client-secret", Secrets.Name.ADMIN_CLIENT_SECRET,
                "onshore.admin.service-client-secret", Secrets.Name.SERVICE_CLIENT_SECRET,
                "onshore.admin.demo-mailbox-token", Secrets.Name.DEMO_MAILBOX_TOKEN));
        return app("admin", ports.admin(), secretsDir, List.of(
                "--onshore.admin.internal-was-url=" + internalWasUrl(),
                "--onshore.admin.demo-mailbox-url=http://127.0.0.1:" + ports.mailbox() + "/messages",
                "--onshore.admin.keycloak-url=" + keycloakUrl()));
    }

    private Component app(String name, int port, Path secretsDir, List<String> arguments) {
        var jar = layout.root().resolve(name + "/target/" + name + ".jar");
        requireFile(jar, "./mvnw -pl " + name + " -am package -DskipTests");
        var command = new ArrayList<>(java(List.of("-Xmx512m", "-XX:+UseSerialGC", "-jar",
                extracted(name, jar).toString(), "--spring.profiles.active=demo", "--server.port=" + port)));
        command.addAll(arguments);
        // 300 s: a WAS node that rebuilds its search index and opens every module took 155-165 s on a 2-core box
        // at load 30-40 (four builds beside it); 180 s killed it just before it was ready.
        return new Component(name, command,
                Map.of("SPRING_CONFIG_IMPORT", "optional:configtree:" + secretsDir + "/"),
                probeFor(name), Duration.ofSeconds(300));
    }

    /**
     * The application's jar extracted once into Spring Boot's tools layout (its own jar beside {@code lib/}), so the
     * JVM loads classes from plain jars on the JDK's class path. From the fat jar, a node could hang at start: its
     * main thread blocked in the nested-jar loader ({@code FileDataBlock$FileAccess.ensureOpen}) while virtual
     * threads loaded classes, a lock-ordering deadlock open upstream (spring-projects/spring-boot#51463). Seen in
     * the network lab and, probably, as "internal-was-2 hung after DemoRates" in the two-node tests.
     *
     * @return the extracted application jar; re-extracted when the built jar is newer
     */
    private Path extracted(String name, Path jar) {
        var directory = layout.var().resolve("apps").resolve(name);
        var application = directory.resolve(name + ".jar");
        try {
            if (extractedFrom(jar, application)) {
                return application;
            }
            var log = layout.log(name + "-extract");
            var extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
                    "--destination", directory.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new ApplianceException(name + ": extracting " + jar + " failed; see " + log);
            }
            return application;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApplianceException(name + ": interrupted while extracting " + jar);
        }
    }

    /**
     * Whether {@code application} is the extraction of the built {@code jar} as it is now. The tools' extract gives
     * the application jar it writes the built jar's modification time (checked with Spring Boot 4's jarmode tools), so
     * a rebuilt jar, newer, is extracted again and an unchanged one is not.
     */
    static boolean extractedFrom(Path jar, Path application) throws IOException {
        return Files.isRegularFile(application)
                && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(application)) <= 0;
    }

    // --- processes ------------------------------------------------------------------------------------------

    private void start(Component component, List<Component> started) {
        var log = layout.log(component.name());
        var command = new ArrayList<String>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // Its own session: Ctrl-C on the launcher's terminal must not reach it, and its children are its group.
            command.add("/usr/bin/setsid");
        }
        command.addAll(component.command());
        var builder = new ProcessBuilder(command).directory(layout.root().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(component.environment());
        try {
            Files.writeString(log, "\n==== " + Instant.now() + " starting " + component.name() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            var process = builder.start();
            var startedAt = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            Files.writeString(component.pidFile(layout), process.pid() + " " + startedAt + "\n");
            started.add(component);
        } catch (IOException e) {
            throw new ApplianceException(component.name() + " could not be started (" + e.getMessage() + "); see " + log);
        }
    }

    private void awaitReady(Component component) {
        var deadline = Instant.now().plus(component.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (alive(component.name()).isEmpty()) {
                throw new ApplianceException(component.name() + " exited while starting; see " + layout.log(component.name()));
            }
            if (component.probe().ready()) {
                return;
            }
            sleep(Duration.ofMillis(300));
        }
        throw new ApplianceException(component.name() + " was not ready after " + component.startTimeout().toSeconds()
                + " s; see " + layout.log(component.name()));
    }

    /** The live process recorded for this component, if its pid still belongs to the process we started. */
    public Optional<ProcessHandle> alive(String name) {
        var pidFile = layout.run().resolve(name + ".pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            var fields = Files.readString(pidFile).strip().split(" ");
            long pid = Long.parseLong(fields[0]);
            long startedAt = fields.length > 1 ? Long.parseLong(fields[1]) : 0;
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> startedAt == 0
                    || handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == startedAt);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stops one component by its recorded pid: SIGTERM, then its leftover children, then SIGKILL after 30 s. */
    public boolean stop(String name) {
        var process = alive(name);
        var pidFile = layout.run().resolve(name + ".pid");
        if (process.isEmpty()) {
            deleteQuietly(pidFile);
            return false;
        }
        var handle = process.get();
        var children = handle.descendants().toList();
        handle.destroy();
        if (!waitFor(handle, Duration.ofSeconds(30))) {
            handle.destroyForcibly();
            waitFor(handle, Duration.ofSeconds(5));
        }
        for (var child : children) {
            if (child.isAlive()) {
                child.destroy();
                if (!waitFor(child, Duration.ofSeconds(10))) {
                    child.destroyForcibly();
                }
            }
        }
        deleteQuietly(pidFile);
        if ("services".equals(name)) {
            deleteQuietly(layout.servicesReady());
        }
        return true;
    }

    private void requireFreePorts() {
        for (var entry : ports.owners().entrySet()) {
            int port = entry.getKey();
            var wildcard = port == ports.storefront();
            try (var socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(wildcard ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new ApplianceException("Port " + port + " is already in use; " + entry.getValue()
                        + " needs it. Find the owner with: ss -ltnp 'sport = :" + port + "'");
            }
        }
    }

    private String java() {
        return Path.of(javaHome, "bin", "java").toString();
    }

    /** The java command with the appliance's JVM options before {@code arguments}. */
    private List<String> java(List<String> arguments) {
        var command = new ArrayList<String>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        return command;
    }

    private static void requireFile(Path file, String howToBuild) {
        if (!Files.isRegularFile(file)) {
            throw new ApplianceException(file + " is missing; build it with: " + howToBuild);
        }
    }

    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // A stale pid file is harmless: alive() checks the start time before trusting it.
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApplianceException("Interrupted");
        }
    }
}
