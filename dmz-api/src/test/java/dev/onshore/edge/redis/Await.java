package dev.onshore.edge.redis;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on state, never on a clock alone: asks again every 50 ms until the condition holds or time is up. */
public final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds; fails the test after {@code timeout}. An exception it throws fails at once. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** {@code condition}, false while it throws: a server still starting or just gone is asked again. */
    public static BooleanSupplier tolerating(BooleanSupplier condition) {
        return () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException notYet) {
                return false;
            }
        };
    }
}
