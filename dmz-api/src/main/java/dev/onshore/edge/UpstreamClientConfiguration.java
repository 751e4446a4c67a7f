package dev.onshore.edge;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * How the gateway talks to the internal tier: HTTP/1.1 only (the JDK client would otherwise offer an h2c upgrade on
 * every request, which the internal WAS does not need and no proxy should forward), short connect timeout so a
 * dead node fails fast, redirects passed back to the browser rather than followed.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamClientConfiguration {

    @Bean
    ClientHttpRequestFactory upstreamRequestFactory() {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
        var factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(Duration.ofSeconds(30));
        return factory;
    }
}
