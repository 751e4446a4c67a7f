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
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.validation.annotation.Validated;

/**
 * Where the asynchronous event listeners ({@code @ApplicationModuleListener}: mails, stock, payments, the Kafka
 * externalization, and the failed publications {@link EventRetries} resubmits) run: {@link BoundedListenerExecutor},
 * at most {@code onshore.events.listeners.concurrency} at once, which must stay below the connection pool so that
 * requests always find a connection however many events an order burst leaves behind. Refuses to start otherwise.
 * Not a bean: Spring Boot's {@code applicationTaskExecutor} keeps serving everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventListenerExecution.ListenerProperties.class)
class EventListenerExecution implements AsyncConfigurer, DisposableBean {

    private final BoundedListenerExecutor executor;

    EventListenerExecution(ListenerProperties properties, ObjectProvider<DataSource> dataSource,
            ObjectProvider<MeterRegistry> meters) {
        dataSource.ifAvailable(source -> {
            var pool = hikari(source);
            if (pool != null && properties.concurrency() >= pool.getMaximumPoolSize()) {
                throw new IllegalStateException(("onshore.events.listeners.concurrency (%d) must be below "
                        + "spring.datasource.hikari.maximum-pool-size (%d): listeners would take every connection "
                        + "from the requests").formatted(properties.concurrency(), pool.getMaximumPoolSize()));
            }
        });
        this.executor = new BoundedListenerExecutor(properties.concurrency());
        meters.ifAvailable(registry -> {
            Gauge.builder("onshore.events.listeners.waiting", executor, BoundedListenerExecutor::waiting)
                    .description("Asynchronous event listeners waiting for their turn").register(registry);
            Gauge.builder("onshore.events.listeners.running", executor, BoundedListenerExecutor::running)
                    .description("Asynchronous event listeners running").register(registry);
        });
    }

    /** The executor of every {@code @Async} method without a qualifier, i.e. of the application module listeners. */
    @Override
    public Executor getAsyncExecutor() {
        return executor;
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
}
