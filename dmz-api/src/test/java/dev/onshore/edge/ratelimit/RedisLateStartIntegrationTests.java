package dev.onshore.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.onshore.edge.redis.Gateway;
import dev.onshore.edge.redis.RedisProcess;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** devstack starts Redis and the gateway side by side: a gateway that started first must use Redis once it answers. */
class RedisLateStartIntegrationTests {

    @Test
    void aGatewayStartedBeforeRedisCountsRequestsOnceRedisAnswers() throws Exception {
        var upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        upstream.start();
        var redis = RedisProcess.start();
        redis.stop();
        Gateway gateway = null;
        try {
            gateway = Gateway.start(redis, "http://127.0.0.1:" + upstream.getAddress().getPort(),
                    Map.of("onshore.waiting-room.enabled", "false"));
            var login = "/realms/shoppers/protocol/openid-connect/auth?client_id=x";
            assertThat(gateway.get(login).statusCode()).isEqualTo(503);

            redis.startAgain();
            var deadline = Instant.now().plus(Duration.ofSeconds(30));
            int status;
            do {
                Thread.sleep(250);
                status = gateway.get(login).statusCode();
            } while (status != 200 && Instant.now().isBefore(deadline));

            assertThat(status).isEqualTo(200);
            assertThat(redis.command("EXISTS", "rl:login:ip:127.0.0.1")).isEqualTo(":1");
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            redis.stop();
            upstream.stop(0);
        }
    }
}
