package dev.onshore.edge.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Redisson client per gateway. Lazily connected, so that the gateway starts (and serves what may fail open) while
 * Redis is down; short timeouts and no retries, because a shopper's request must not wait for a dead Redis.
 */
@Configuration(proxyBeanMethods = false)
class EdgeRedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeRedisConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(RedisSettings settings) {
        var config = new Config();
        config.setLazyInitialization(true);
        var timeout = (int) settings.timeout().toMillis();
        var server = config.useSingleServer()
                .setAddress("redis://" + settings.host() + ":" + settings.port())
                .setConnectTimeout(Math.max(timeout, 2000))
                .setTimeout(timeout)
                .setRetryAttempts(0)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(32)
                .setClientName("dmz-api");
        if (settings.password() != null && !settings.password().isBlank()) {
            server.setPassword(settings.password());
        }
        var client = Redisson.create(config);
        try {
            // Connect now rather than on a shopper's request, when Redis is up; it is fine when it is not.
            client.getBucket("edge:started").isExists();
        } catch (RuntimeException e) {
            // The innermost cause's words only: an outage is an expected state here, not an error with a trace.
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            log.warn("Redis not reachable at start ({}); outage policies apply until it is", cause.getMessage());
        }
        return client;
    }

    @Bean
    RedisGuard redisGuard(RedisSettings settings) {
        return new RedisGuard(settings.downFor());
    }
}
