package dev.onshore.admin;

import static org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver.clientRegistrationId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The one client of the internal WAS's admin API: every call carries this app's service token and the signed-in
 * operator's name, roles and address ({@link OperatorHeaders}). Any screen's code injects {@code RestClient} and
 * calls {@code /api/admin/...} with it; a refusal comes back as a {@code RestClientResponseException} holding the
 * WAS's problem detail.
 */
@Configuration(proxyBeanMethods = false)
class InternalWasClient {

    @Bean
    RestClient internalWasRestClient(RestClient.Builder builder, AdminProperties properties,
            OAuth2AuthorizedClientManager serviceTokens) {
        return builder.baseUrl(properties.internalWasUrl())
                .defaultRequest(request -> request.attributes(clientRegistrationId(SecurityConfiguration.SERVICE)))
                .requestInterceptor(new OAuth2ClientHttpRequestInterceptor(serviceTokens))
                .requestInterceptor(new OperatorHeaders())
                .build();
    }
}
