package dev.onshore.edge.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (the Debian package) for tests: on a free port, password-protected like the demo's, no
 * persistence; stopped by its own process handle, never by name. Also a replica of another one, or a Sentinel.
 */
public final class RedisProcess implements AutoCloseable {

    public static final String PASSWORD = "test-redis-password-0123";
    private static final String SERVER = "/usr/bin/redis-server";

    private final int port;
    private final String password;
    private final List<String> command;
    private Process process;

    private RedisProcess(int port, String password, List<String> command) {
        this.port = port;
        this.password = password;
        this.command = List.copyOf(command);
    }

    public static RedisProcess start() {
        return start(List.of());
    }

    /**
     * A server with more configuration directives, each as on a line of redis.conf (e.g. {@code user edge on ...}).
     */
    public static RedisProcess start(List<String> directives) {
        var port = freePort();
        var command = new ArrayList<>(List.of(SERVER, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--requirepass", PASSWORD, "--daemonize", "no"));
        command.addAll(scratchFiles(port));
        addDirectives(command, directives);
        return started(new RedisProcess(port, PASSWORD, command));
    }

    /**
     * Where the server may write: a replica's full sync writes an RDB file even with {@code save ""}, and it landed in
     * the test's working directory (once committed by mistake as dmz-api/dump.rdb).
     */
    private static List<String> scratchFiles(int port) {
        return List.of("--dir", System.getProperty("java.io.tmpdir"),
                "--dbfilename", "onshore-test-redis-" + port + ".rdb");
    }

    private static void addDirectives(List<String> command, List<String> directives) {
        for (var directive : directives) {
            // On the command line a directive is "--name" followed by its words; Redis joins them again.
            var words = directive.split(" ");
            command.add("--" + words[0]);
            command.addAll(List.of(words).subList(1, words.length));
        }
    }

    /** A server replicating {@code primary}, with the same password. */
    public static RedisProcess replicaOf(RedisProcess primary) {
        return replicaOf(primary, List.of());
    }

    /** A replica of {@code primary} with more directives (ACL users are not replicated: each server defines them). */
    public static RedisProcess replicaOf(RedisProcess primary, List<String> directives) {
        var port = freePort();
        var command = new ArrayList<>(List.of(SERVER, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--requirepass", PASSWORD, "--masterauth", PASSWORD,
                "--replicaof", "127.0.0.1", Integer.toString(primary.port()), "--daemonize", "no"));
        command.addAll(scratchFiles(port));
        addDirectives(command, directives);
        return started(new RedisProcess(port, PASSWORD, command));
    }

    /**
     * A Sentinel watching {@code primary} under {@code master} (down after 1 s, quorum 2), protected by
     * {@code sentinelPassword}; its configuration file (which Sentinel rewrites) lives in {@code directory}.
     */
    public static RedisProcess sentinel(String master, RedisProcess primary, String sentinelPassword,
            Path directory) {
        return sentinel(master, primary, sentinelPassword, directory, 2, List.of());
    }

    /** A Sentinel as {@link #sentinel(String, RedisProcess, String, Path)}, with a quorum and more directives. */
    public static RedisProcess sentinel(String master, RedisProcess primary, String sentinelPassword,
            Path directory, int quorum, List<String> directives) {
        var port = freePort();
        var config = directory.resolve("sentinel-" + port + ".conf");
        var lines = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "daemonize no",
                "requirepass " + sentinelPassword, "sentinel sentinel-pass " + sentinelPassword,
                "sentinel monitor " + master + " 127.0.0.1 " + primary.port() + " " + quorum,
                "sentinel auth-pass " + master + " " + PASSWORD,
                "sentinel down-after-milliseconds " + master + " 1000",
                "sentinel failover-timeout " + master + " 10000"));
        lines.addAll(directives);
        lines.add("");
        try {
            Files.writeString(config, String.join("\n", lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return started(new RedisProcess(port, sentinelPassword, List.of(SERVER, config.toString(), "--sentinel")));
    }

    private static RedisProcess started(RedisProcess redis) {
        redis.startAgain();
        return redis;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again) on the same port, empty, and waits until it answers. */
    public void startAgain() {
        if (!new File(SERVER).canExecute()) {
            throw new IllegalStateException("redis-server is not installed: apt-get install redis-server");
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (answers()) {
                return;
            }
            sleep(50);
        }
        stop();
        throw new IllegalStateException("redis-server did not answer on port " + port + ": " + command);
    }

    /** Stops the server and waits until it is gone. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends one command and returns the raw reply's first line (enough for integers and simple strings). */
    public String command(String... words) {
        return talk(words, false).toString();
    }

    /**
     * Sends one command and returns its whole reply: a String for a status, integer or bulk reply ("(nil)" for a
     * nil bulk), a List of those for an array.
     */
    public Object reply(String... words) {
        return talk(words, true);
    }

    /** Sends one command as the ACL user {@code user} and returns its whole reply, as {@link #reply}. */
    public Object replyAs(String user, String userPassword, String... words) {
        return talk(new String[] {"AUTH", user, userPassword}, words, true);
    }

    private Object talk(String[] words, boolean whole) {
        return talk(new String[] {"AUTH", password}, words, whole);
    }

    private Object talk(String[] auth, String[] words, boolean whole) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(resp(auth));
            out.write(resp(words));
            out.flush();
            readLine(in);
            return whole ? parse(in) : readLine(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(InputStream in) throws IOException {
        var line = readLine(in);
        return switch (line.isEmpty() ? ' ' : line.charAt(0)) {
            case '*' -> {
                var items = new ArrayList<Object>();
                for (int i = Integer.parseInt(line.substring(1)); i > 0; i--) {
                    items.add(parse(in));
                }
                yield items;
            }
            case '$' -> {
                var length = Integer.parseInt(line.substring(1));
                if (length < 0) {
                    yield "(nil)";
                }
                var bytes = in.readNBytes(length + 2);
                yield new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            default -> line;
        };
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answers() {
        try {
            return command("PING").equals("+PONG");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] resp(String... words) {
        var out = new StringBuilder("*").append(words.length).append("\r\n");
        for (var word : words) {
            out.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
