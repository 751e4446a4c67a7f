package dev.onshore.admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Operators log in through Keycloak (code flow with PKCE); the realm enforces TOTP and brute-force lockout. Client
 * registrations are spelled out rather than discovered so the admin starts even while Keycloak is still starting.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN = "keycloak";
    static final String SERVICE = "internal-was";

    @Bean
    SecurityFilterChain admin(HttpSecurity http, ClientRegistrationRepository registrations) {
        // PKCE for the confidential client too (the operators realm requires S256).
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/css/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(endpoint ->
                        endpoint.authorizationRequestResolver(authorizationRequests)))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .build();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(AdminProperties admin,
            @Value("${onshore.admin.login-client-secret}") String loginSecret,
            @Value("${onshore.admin.service-client-secret}") String serviceSecret) {
        var endpoints = admin.issuer() + "/protocol/openid-connect";
        var login = ClientRegistration.withRegistrationId(LOGIN)
                .clientId("onshore-admin")
                .clientSecret(loginSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(endpoints + "/auth")
                .tokenUri(endpoints + "/token")
                .jwkSetUri(endpoints + "/certs")
                .userInfoUri(endpoints + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(admin.issuer())
                .clientName("Onshore operators")
                .build();
        var service = ClientRegistration.withRegistrationId(SERVICE)
                .clientId("onshore-admin-service")
                .clientSecret(serviceSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(endpoints + "/token")
                .build();
        return new InMemoryClientRegistrationRepository(login, service);
    }

    @Bean
    OAuth2AuthorizedClientService authorizedClients(ClientRegistrationRepository registrations) {
        return new InMemoryOAuth2AuthorizedClientService(registrations);
    }

    /** Service tokens for calls to internal-was, fetched and renewed outside any operator's session. */
    @Bean
    OAuth2AuthorizedClientManager serviceTokens(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService clients) {
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return manager;
    }
}
