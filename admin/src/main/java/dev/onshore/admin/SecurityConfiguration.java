package dev.onshore.admin;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
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
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Operators log in through Keycloak (code flow with PKCE); the realm enforces TOTP and brute-force lockout. Client
 * registrations are spelled out rather than discovered so the admin starts even while Keycloak is still starting.
 * Health is open to the load balancer and the readiness probe; metrics only to the configured scrapers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String LOGIN = "keycloak";
    static final String SERVICE = "internal-was";

    /**
     * Prometheus, from the configured scraper addresses only; anyone else gets a 403 problem, never the login page
     * (a scraper follows no redirects and has no session).
     */
    @Bean
    @Order(1)
    SecurityFilterChain metrics(HttpSecurity http, MetricsProperties metrics) {
        var scrapers = metrics.scrapers().stream().map(IpAddressMatcher::new).toList();
        AuthenticationEntryPoint refuse = (request, response, denied) -> forbidden(response);
        return http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(scrapers.stream().anyMatch(scraper -> scraper.matches(context.getRequest())))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(refuse)
                        .accessDeniedHandler((request, response, denied) -> forbidden(response)))
                .build();
    }

    private static void forbidden(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"https://onshore.dev/problems/forbidden\",\"title\":\"Forbidden\","
                + "\"status\":403,\"detail\":\"Only the configured metrics scrapers may read this.\"}");
    }

    /**
     * Operators' pages: an OIDC session whose realm roles become {@code ROLE_*} authorities ({@link OperatorRoles});
     * which role may use what is stated on each controller method ({@code @PreAuthorize}, {@link Access}). CSRF
     * tokens on every form; logout is a POST that also ends the Keycloak session. Refusals render the localized error
     * page ({@code /error} is open so that it can).
     */
    @Bean
    @Order(2)
    SecurityFilterChain admin(HttpSecurity http, ClientRegistrationRepository registrations, LoginHistory logins) {
        // PKCE for the confidential client too (the operators realm requires S256).
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var loggedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        loggedOut.setPostLogoutRedirectUri("{baseUrl}/");
        var succeeded = new SavedRequestAwareAuthenticationSuccessHandler();
        var failed = new SimpleUrlAuthenticationFailureHandler();
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/css/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new OperatorRoles()))
                        .successHandler((request, response, authentication) -> {
                            logins.succeeded(request, authentication);
                            succeeded.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, failure) -> {
                            logins.failed(request, failure);
                            failed.onAuthenticationFailure(request, response, failure);
                        }))
                .logout(logout -> logout.logoutSuccessHandler(loggedOut))
                .build();
    }

    /** The operator IP allow-list, in front of everything (and of Spring Security's own filters). */
    @Bean
    FilterRegistrationBean<OperatorNetworks> operatorNetworks(OperatorNetworkProperties networks) {
        var registration = new FilterRegistrationBean<>(new OperatorNetworks(networks));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
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
