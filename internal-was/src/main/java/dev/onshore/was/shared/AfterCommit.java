package dev.onshore.was.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must follow a commit and never a rollback, for plain {@code @EventListener}s: a metric, a signal to this
 * node's caches. Not a {@code @TransactionalEventListener}: Spring Modulith records a publication for every such
 * listener and completes it in a transaction of its own, a second pool connection asked for while the request's first
 * is still bound (under load every connection waited for another: the checkout pool deadlock).
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code work} once the current transaction committed (never if it rolls back), or now without one. */
    public static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
