package dev.onshore.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onshore.edge.Upstream;
import dev.onshore.edge.redis.Await;
import dev.onshore.edge.redis.Gateway;
import dev.onshore.edge.redis.RedisProcess;
import dev.onshore.edge.redis.StartedServers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** devstack starts Redis and the gateway side by side: a gateway that started first must use Redis once it answers. */
class RedisLateStartIntegrationTests {

    @Test
    void aGatewayStartedBeforeRedisCountsRequestsOnceRedisAnswers() throws Exception {
        try (var servers = new StartedServers()) {
            var upstream = servers.add(Upstream.start(exchange -> Upstream.answer(exchange, 200, "")));
            var redis = servers.add(RedisProcess.start());
            redis.stop();
            var gateway = servers.add(Gateway.start(redis, upstream.url(),
                    Map.of("onshore.waiting-room.enabled", "false")));
            var login = "/realms/shoppers/protocol/openid-connect/auth?client_id=x";
            assertThat(gateway.get(login).statusCode()).isEqualTo(503);

            redis.startAgain();
            Await.until("login counted once Redis answers", Duration.ofSeconds(30),
                    () -> gateway.get(login).statusCode() == 200);

            assertThat(redis.command("EXISTS", "rl:login:ip:127.0.0.1")).isEqualTo(":1");
        }
    }
}
