package dev.onshore.was;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tests of a request whose node stopped share (an {@code Idempotency-Key}'s or a form token's lease): the
 * application's clock to move past the lease, the database to look at the claim and to hold a table, and requests
 * sent on a thread of their own while another one waits.
 */
@Import(TestClock.Configuration.class)
public abstract class LeaseTestSupport extends ShopTestSupport {

    /** Beyond the lease of 30 s ({@code onshore.checkout.idempotency-lease}). */
    protected static final Duration PAST_THE_LEASE = Duration.ofSeconds(31);

    @Autowired
    protected TestClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected DataSource dataSource;

    /** Sends the request on a thread of its own (not the common pool, which may have a single thread). */
    protected static <T> CompletableFuture<T> meanwhile(Callable<T> request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return request.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
    }
}
