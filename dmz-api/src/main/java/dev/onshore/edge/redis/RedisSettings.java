package dev.onshore.edge.redis;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the edge's Redis is: the same {@code spring.data.redis.*} keys devstack and Ansible already pass to every app.
 *
 * @param host the Redis (or, later, Sentinel-fronted primary) host
 * @param port its port
 * @param password its password, null when it has none; never printed
 * @param timeout how long one command may take before the caller's outage policy applies
 * @param downFor how long the edge stops asking Redis after a failure (every request would otherwise pay the timeout)
 */
@Validated
@ConfigurationProperties("spring.data.redis")
record RedisSettings(@DefaultValue("127.0.0.1") String host, @DefaultValue("6379") int port,
        @Nullable String password, @DefaultValue("500ms") Duration timeout, @DefaultValue("1s") Duration downFor) {

    @Override
    public String toString() {
        return "RedisSettings[host=" + host + ", port=" + port + ", password=(secret), timeout=" + timeout + "]";
    }
}
