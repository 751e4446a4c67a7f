package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.onshore.was.EventListenerExecution.ListenerProperties;
import dev.onshore.was.EventListenerExecution.MailSendingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The listeners' bounds against the connection pool: the other listeners and the mail listeners may hold a
 * connection each, so together they must leave the requests some; and a mail stuck on the relay takes only a mail
 * listener's turn.
 */
class EventListenerExecutionUnitTests {

    @Test
    void refusesToStartWhenTheListenersAndTheMailListenersTogetherCouldTakeEveryConnection() {
        try (var pool = pool(10)) {
            assertThatThrownBy(() -> execution(8, 2, pool, new SimpleMeterRegistry()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("onshore.events.listeners.concurrency (8)")
                    .hasMessageContaining("onshore.mail.concurrency (2)")
                    .hasMessageContaining("maximum-pool-size (10)");
        }
    }

    @Test
    void startsWhenBothBoundsLeaveTheRequestsAConnectionAndReportEachBound() throws Exception {
        var meters = new SimpleMeterRegistry();
        try (var pool = pool(10)) {
            var execution = execution(7, 2, pool, meters);
            var stuck = new CountDownLatch(1);
            var mails = execution.mailSendingExecutor();
            for (int i = 0; i < 3; i++) {
                mails.execute(() -> {
                    try {
                        stuck.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            var ran = new CountDownLatch(1);
            execution.getAsyncExecutor().execute(ran::countDown);
            assertThat(ran.await(5, java.util.concurrent.TimeUnit.SECONDS))
                    .as("another listener runs while the mails are stuck").isTrue();
            awaitGauge(meters, "onshore.mail.listeners.running", 2);
            awaitGauge(meters, "onshore.mail.listeners.waiting", 1);
            assertThat(meters.get("onshore.events.listeners.running").gauge().value()).isZero();
            stuck.countDown();
            execution.destroy();
        }
    }

    private static void awaitGauge(MeterRegistry meters, String name, double value) throws InterruptedException {
        for (int i = 0; i < 100 && meters.get(name).gauge().value() != value; i++) {
            Thread.sleep(50);
        }
        assertThat(meters.get(name).gauge().value()).as(name).isEqualTo(value);
    }

    private static HikariDataSource pool(int size) {
        var pool = new HikariDataSource();
        pool.setMaximumPoolSize(size);
        return pool;
    }

    private static EventListenerExecution execution(int listeners, int mails, DataSource pool, MeterRegistry meters) {
        var beans = new StaticListableBeanFactory();
        beans.addBean("dataSource", pool);
        beans.addBean("meters", meters);
        return new EventListenerExecution(new ListenerProperties(listeners), new MailSendingProperties(mails),
                beans.getBeanProvider(DataSource.class), beans.getBeanProvider(MeterRegistry.class));
    }
}
