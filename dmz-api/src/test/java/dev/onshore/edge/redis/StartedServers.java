package dev.onshore.edge.redis;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What one test class started (Redis servers, Sentinels, upstreams, gateway nodes), stopped by that class when it is
 * done, in the reverse order of starting: a gateway goes before the Redis it counts in. Every one is stopped even
 * when stopping another failed.
 */
public final class StartedServers implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Keeps {@code server} to stop it later; returns it. */
    public <T extends AutoCloseable> T add(T server) {
        started.push(server);
        return server;
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
