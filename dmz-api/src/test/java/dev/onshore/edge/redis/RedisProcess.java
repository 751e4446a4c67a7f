package dev.onshore.edge.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (the Debian package) for tests: on a free port, password-protected like the demo's, no
 * persistence; stopped by its own process handle, never by name.
 */
public final class RedisProcess implements AutoCloseable {

    public static final String PASSWORD = "test-redis-password-0123";
    private static final String SERVER = "/usr/bin/redis-server";

    private final int port;
    private Process process;

    private RedisProcess(int port) {
        this.port = port;
    }

    public static RedisProcess start() {
        var redis = new RedisProcess(freePort());
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
            process = new ProcessBuilder(List.of(SERVER, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--requirepass", PASSWORD, "--daemonize", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
        throw new IllegalStateException("redis-server did not answer on port " + port);
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
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(resp("AUTH", PASSWORD));
            out.write(resp(words));
            out.flush();
            readLine(in);
            return readLine(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
