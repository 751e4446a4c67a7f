package dev.onshore.was;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.Min;
import java.sql.SQLException;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.validation.annotation.Validated;

/**
 * Where the asynchronous event listeners ({@code @ApplicationModuleListener}: stock, payments, search, the Kafka
 * externalization, and the failed publications {@link EventRetries} resubmits) run: {@link BoundedListenerExecutor},
 * at most {@code onshore.events.listeners.concurrency} at once. The mail listeners run apart, on the executor named
 * {@value #MAIL_SENDING} (their {@code @Async} says so), at most {@code onshore.mail.concurrency} at once: a relay
 * that stalls holds those few, and the statistics, the search index and the events bound for Kafka keep moving on the
 * others. Each listener may hold a pool connection, so both bounds together must stay below the connection pool, so
 * that requests always find a connection however many events an order burst leaves behind. Refuses to start
 * otherwise. The listeners' executor is no bean; the mail executor is one (for its {@code @Async}), so this also makes
 * the {@code applicationTaskExecutor} that serves everything else, as Spring Boot would without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EventListenerExecution.ListenerProperties.class,
        EventListenerExecution.MailSendingProperties.class})
class EventListenerExecution implements AsyncConfigurer, DisposableBean {

    /** The bean name of the mail listeners' executor, for their {@code @Async}. */
    static final String MAIL_SENDING = "mailSendingExecutor";

    private final BoundedListenerExecutor executor;
    private final BoundedListenerExecutor mailExecutor;

    EventListenerExecution(ListenerProperties properties, MailSendingProperties mail,
            ObjectProvider<DataSource> dataSource, ObjectProvider<MeterRegistry> meters) {
        dataSource.ifAvailable(source -> {
            var pool = hikari(source);
            if (pool != null && properties.concurrency() + mail.concurrency() >= pool.getMaximumPoolSize()) {
                throw new IllegalStateException(("onshore.events.listeners.concurrency (%d) and "
                        + "onshore.mail.concurrency (%d) together must be below "
                        + "spring.datasource.hikari.maximum-pool-size (%d): listeners would take every connection "
                        + "from the requests").formatted(properties.concurrency(), mail.concurrency(),
                        pool.getMaximumPoolSize()));
            }
        });
        this.executor = new BoundedListenerExecutor(properties.concurrency(), "event-listener-");
        this.mailExecutor = new BoundedListenerExecutor(mail.concurrency(), "mail-listener-");
        meters.ifAvailable(registry -> {
            Gauge.builder("onshore.events.listeners.waiting", executor, BoundedListenerExecutor::waiting)
                    .description("Asynchronous event listeners waiting for their turn").register(registry);
            Gauge.builder("onshore.events.listeners.running", executor, BoundedListenerExecutor::running)
                    .description("Asynchronous event listeners running").register(registry);
            Gauge.builder("onshore.mail.listeners.waiting", mailExecutor, BoundedListenerExecutor::waiting)
                    .description("Mail listeners waiting for their turn to talk to the relay").register(registry);
            Gauge.builder("onshore.mail.listeners.running", mailExecutor, BoundedListenerExecutor::running)
                    .description("Mail listeners running").register(registry);
        });
    }

    /** The executor of every {@code @Async} method without a qualifier, i.e. of the application module listeners. */
    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    /** The executor of the mail listeners ({@code @Async("mailSendingExecutor")}). */
    @Bean(name = MAIL_SENDING, destroyMethod = "")
    TaskExecutor mailSendingExecutor() {
        return mailExecutor;
    }

    /**
     * Spring Boot's {@code applicationTaskExecutor} as Boot makes it with virtual threads (which this application
     * always uses): Boot backs off when the application has an {@code Executor} bean, and the mail executor is one.
     * (Its {@code spring.task.execution.mode: force} is no way out: it also wraps this configuration in a bean of its
     * own, and the mail executor's factory method then has no instance to run on.)
     */
    @Bean("applicationTaskExecutor")
    SimpleAsyncTaskExecutor applicationTaskExecutor(SimpleAsyncTaskExecutorBuilder builder) {
        return builder.build();
    }

    private static @Nullable HikariDataSource hikari(DataSource source) {
        try {
            return source.isWrapperFor(HikariDataSource.class) ? source.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        executor.close();
        mailExecutor.close();
    }

    /**
     * @param concurrency how many asynchronous listeners may run at once (each may hold a pool connection); the
     *     others wait their turn without blocking whoever published the event
     */
    @Validated
    @ConfigurationProperties("onshore.events.listeners")
    record ListenerProperties(@Min(1) int concurrency) {

        ListenerProperties {
            concurrency = concurrency == 0 ? 8 : concurrency;
        }
    }

    /**
     * @param concurrency how many mail listeners may run at once (each talks to the relay, and holds a pool connection
     *     only for the short reads and ledger writes around it); a few are enough for a relay that answers
     */
    @Validated
    @ConfigurationProperties("onshore.mail")
    record MailSendingProperties(@Min(1) int concurrency) {

        MailSendingProperties {
            concurrency = concurrency == 0 ? 2 : concurrency;
        }
    }
}
