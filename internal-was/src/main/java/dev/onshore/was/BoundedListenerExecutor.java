package dev.onshore.was;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;

/**
 * Runs each task on its own virtual thread, at most {@code concurrency} at a time, in the order submitted.
 * {@link #execute} never blocks: the caller may be a request thread committing its transaction, still holding its
 * pool connection in the after-commit phase where Spring Modulith hands events to their listeners. Blocking it until
 * a listener finishes could wait on the very connection that listener needs (with a full pool, a deadlock that only
 * the pool's timeout breaks). A task waits for its turn on its own parked virtual thread instead: a few hundred
 * bytes, and the event it serves is in the publication registry anyway.
 */
final class BoundedListenerExecutor implements TaskExecutor, AutoCloseable {

    private final Semaphore permits;
    private final int concurrency;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread.Builder threads;
    private volatile boolean closed;

    /**
     * @param threadName the prefix of its threads' names, numbered from 0 ({@code event-listener-})
     */
    BoundedListenerExecutor(int concurrency, String threadName) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.concurrency = concurrency;
        this.permits = new Semaphore(concurrency, true);
        this.threads = Thread.ofVirtual().name(threadName, 0);
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            // Shutting down: the publication stays incomplete and is delivered again after the restart.
            throw new TaskRejectedException("The listener executor is shut down");
        }
        waiting.incrementAndGet();
        threads.start(() -> {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                waiting.decrementAndGet();
                Thread.currentThread().interrupt();
                return;
            }
            waiting.decrementAndGet();
            try {
                task.run();
            } finally {
                permits.release();
            }
        });
    }

    /** How many tasks run now (at most the concurrency). */
    int running() {
        return concurrency - permits.availablePermits();
    }

    /** How many tasks wait for their turn. */
    int waiting() {
        return waiting.get();
    }

    @Override
    public void close() {
        closed = true;
    }
}
