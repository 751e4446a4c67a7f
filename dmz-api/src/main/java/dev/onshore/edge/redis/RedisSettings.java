package dev.onshore.edge.redis;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the edge's Redis is: the same {@code spring.data.redis.*} keys devstack and Ansible already pass to every app.
 * With {@code sentinel.master} and {@code sentinel.nodes} set, the edge asks the Sentinels which server is the
 * primary and follows a failover; {@code host} and {@code port} are then not used.
 *
 * @param host the Redis host (one server, as in the demo)
 * @param port its port
 * @param username the ACL user, null for the default user; devstack and production give the edge a user limited to
 *        its own keys ({@code rl:*}, {@code wr:*}) and commands (docs/security/redis-acl.md)
 * @param password its password, null when it has none; never printed
 * @param timeout how long one command may take before the caller's outage policy applies
 * @param downFor how long the edge stops asking Redis after a failure (every request would otherwise pay the timeout)
 * @param sentinel the Sentinels, null or without a master name for one server
 */
@Validated
@ConfigurationProperties("spring.data.redis")
record RedisSettings(@DefaultValue("127.0.0.1") String host, @DefaultValue("6379") int port,
        @Nullable String username, @Nullable String password, @DefaultValue("500ms") Duration timeout,
        @DefaultValue("1s") Duration downFor, @Nullable Sentinel sentinel) {

    /** True when the Sentinels, not {@code host:port}, say where the primary is. */
    boolean sentinels() {
        return sentinel != null && sentinel.master() != null && !sentinel.master().isBlank()
                && !sentinel.nodes().isEmpty();
    }

    @Override
    public String toString() {
        return "RedisSettings[" + (sentinels() ? "sentinel=" + sentinel : "host=" + host + ", port=" + port)
                + ", username=" + username + ", password=(secret), timeout=" + timeout + "]";
    }

    /**
     * @param master the name the Sentinels monitor the primary under
     * @param nodes the Sentinels as {@code host:port}
     * @param username the Sentinels' ACL user, null for their default user; production's may only discover the primary
     * @param password the Sentinels' own password, null when they have none; never printed
     */
    record Sentinel(@Nullable String master, @DefaultValue List<String> nodes, @Nullable String username,
            @Nullable String password) {

        @Override
        public String toString() {
            return "Sentinel[master=" + master + ", nodes=" + nodes + ", username=" + username + ", password=(secret)]";
        }
    }
}
