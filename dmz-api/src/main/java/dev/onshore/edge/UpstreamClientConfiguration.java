package dev.onshore.edge;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * How the gateway talks to the internal tier: a pool of blocking HTTP/1.1 keep-alive connections (Apache HttpClient
 * 5, classic), which on virtual threads costs a fraction of the JDK client's selector hand-offs per request. What
 * a proxy must not do is switched off: following redirects (they go back to the browser), decompressing (bytes pass
 * through untouched), cookie handling (cookies belong to the browser), retries (the L4 retries what is safe to
 * retry). A short connect timeout lets a dead node fail fast; idle connections are validated and evicted before the
 * WAS's keep-alive timeout (20 s) could close them under a request.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamClientConfiguration {

    /** Above the most concurrent requests one dmz-api node forwards (the WAF's keep-alive pool to it is smaller). */
    private static final int MAX_CONNECTIONS = 1024;

    @Bean
    ClientHttpRequestFactory upstreamRequestFactory(UpstreamProperties upstream) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(upstream.connectTimeout()))
                        .setSocketTimeout(Timeout.of(upstream.responseTimeout())).setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        var client = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
                .disableAutomaticRetries().disableContentCompression().disableCookieManagement()
                .evictIdleConnections(TimeValue.of(10, TimeUnit.SECONDS))
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(upstream.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.ofSeconds(2)).build())
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
    }
}
