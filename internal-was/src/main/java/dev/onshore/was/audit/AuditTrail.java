package dev.onshore.was.audit;

import org.jspecify.annotations.Nullable;

/**
 * Records a change. Call it inside the transaction that makes the change (it refuses to run outside one), so the
 * change and its audit row commit or roll back together. Who and from where come from the admin API request being
 * served ({@link dev.onshore.was.adminapi.AdminCaller}), else {@code system}.
 */
public interface AuditTrail {

    /**
     * @param action what was done, {@code area.verb}: {@code product.publish}, {@code rate.override}
     * @param target what it was done to, {@code kind:id}: {@code product:HS-MAG-300}, {@code rate:KRW/IDR}
     * @param before the state before (serialized as JSON), null when there was none
     * @param after the state after (serialized as JSON), null when there is none (removed)
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    void record(String action, String target, @Nullable Object before, @Nullable Object after);
}
