package dev.onshore.edge.redis;

import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.jspecify.annotations.Nullable;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Redisson client per gateway. Lazily connected, so that the gateway starts (and serves what may fail open) while
 * Redis is down; short timeouts and no retries, because a shopper's request must not wait for a dead Redis. In
 * production the Sentinels name the primary, so a Redis failover needs no restart of the edge.
 */
@Configuration(proxyBeanMethods = false)
class EdgeRedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeRedisConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(RedisSettings settings) {
        var config = new Config();
        config.setLazyInitialization(true);
        var timeout = (int) settings.timeout().toMillis();
        var password = blankToNull(settings.password());
        var username = blankToNull(settings.username());
        if (settings.sentinels()) {
            var sentinel = settings.sentinel();
            var servers = config.useSentinelServers()
                    .setMasterName(sentinel.master())
                    .setConnectTimeout(Math.max(timeout, 2000))
                    .setTimeout(timeout)
                    .setRetryAttempts(0)
                    .setMasterConnectionMinimumIdleSize(2)
                    .setMasterConnectionPoolSize(32)
                    // Rate limits and tickets are read back at once: every command goes to the primary.
                    .setReadMode(ReadMode.MASTER)
                    .setClientName("dmz-api");
            sentinel.nodes().forEach(node -> servers.addSentinelAddress("redis://" + node));
            servers.setPassword(password).setUsername(username);
            // The Sentinels' own user: production gives the edge one that may only ask where the primary is.
            servers.setSentinelUsername(blankToNull(sentinel.username()));
            servers.setSentinelPassword(blankToNull(sentinel.password()));
            // With fewer than three Sentinels configured (tests), do not insist on discovering more.
            servers.setCheckSentinelsList(sentinel.nodes().size() >= 3);
        } else {
            config.useSingleServer()
                    .setAddress("redis://" + settings.host() + ":" + settings.port())
                    .setConnectTimeout(Math.max(timeout, 2000))
                    .setTimeout(timeout)
                    .setRetryAttempts(0)
                    .setConnectionMinimumIdleSize(2)
                    .setConnectionPoolSize(32)
                    .setClientName("dmz-api")
                    .setPassword(password)
                    .setUsername(username);
        }
        var client = Redisson.create(config);
        try {
            // Connect now rather than on a shopper's request, when Redis is up; it is fine when it is not. A script
            // without keys: the edge's ACL user may touch no key outside its own prefixes (rl:, wr:).
            client.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, "return 1", RScript.ReturnType.INTEGER);
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

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Bean
    RedisGuard redisGuard(RedisSettings settings) {
        return new RedisGuard(settings.downFor());
    }
}
