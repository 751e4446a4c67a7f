package dev.onshore.was.security;

import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three doors: the admin API (operators realm, role {@code internal-api}), the shop API (shoppers realm), and the
 * pages and health probes (public: internal-was is reachable only through the gateway and the internal L4).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    ProblemResponses problemResponses(MessageSource messages, JsonMapper json) {
        return new ProblemResponses(messages, json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminApiSecurity(HttpSecurity http, IdentityProperties identity, ProblemResponses problems) {
        var decoder = decoder(identity, identity.operatorIssuer());
        return api(http, "/api/admin/**", decoder, problems)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("internal-api"))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain shopApiSecurity(HttpSecurity http, IdentityProperties identity, ProblemResponses problems) {
        var decoder = decoder(identity, identity.shopperIssuer());
        // Buying needs no account: carts, checkout and orders answer guests (cart and order tokens) as well as
        // members (a bearer token, validated whenever one is sent).
        return api(http, "/api/shop/**", decoder, problems)
                .authorizeHttpRequests(requests -> requests
                        // The catalogue and the API's description are for anyone; any method, so that a wrong one
                        // is told 405 rather than 401.
                        .requestMatchers("/api/shop/v1/openapi.json", "/api/shop/v1/markets",
                                "/api/shop/v1/categories", "/api/shop/v1/categories/*", "/api/shop/v1/products",
                                "/api/shop/v1/products/*", "/api/shop/v1/search").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/shop/v1/hot-deals").permitAll() // the edge polls it
                        .requestMatchers("/api/shop/v1/cart/**", "/api/shop/v1/cart", "/api/shop/v1/checkout",
                                "/api/shop/v1/orders", "/api/shop/v1/orders/**", "/api/shop/v1/hot-deals/*/checkout")
                        .permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * Payment providers' webhooks: no session, no CSRF token (a provider cannot have one); each is trusted only
     * after its gateway checks its signature.
     */
    @Bean
    @Order(3)
    SecurityFilterChain paymentWebhooksSecurity(HttpSecurity http) {
        return http.securityMatcher("/api/payments/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain publicPagesSecurity(HttpSecurity http, MetricsProperties metrics,
            ObjectProvider<Customizer<HttpSecurity>> pageCustomizers) {
        var scrapers = metrics.scrapers().stream().map(IpAddressMatcher::new).toList();
        // The storefront's shopper login (storefront's ShopperLogin): no module of its own needed here.
        pageCustomizers.orderedStream().forEach(customizer -> customizer.customize(http));
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").access((authentication, context) ->
                                new AuthorizationDecision(scrapers.stream()
                                        .anyMatch(scraper -> scraper.matches(context.getRequest()))))
                        .requestMatchers("/actuator/**").denyAll()
                        .requestMatchers("/api/**").denyAll()
                        .anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Metrics and unknown APIs are refused outright, never sent to the shopper login.
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.FORBIDDEN),
                        new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))))
                // The sandbox's payment page stands in for a provider's site; its signed reference is the capability.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/sandbox-pay/**"))
                .build();
    }

    private static HttpSecurity api(HttpSecurity http, String path, JwtDecoder decoder, ProblemResponses problems) {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::realmRoles);
        return http.securityMatcher(path)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing to forge across sites
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    static JwtDecoder decoder(IdentityProperties identity, String issuer) {
        var decoder = NimbusJwtDecoder.withJwkSetUri(identity.jwkSetUri(issuer))
                .jwsAlgorithms(algorithms -> identity.algorithms().forEach(name -> algorithms.add(SignatureAlgorithm.from(name))))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Collection<String>>("aud", aud -> aud != null && aud.contains(identity.audience()))));
        return decoder;
    }

    /** Keycloak puts realm roles under {@code realm_access.roles}; they become {@code ROLE_<name>}. */
    @SuppressWarnings("unchecked")
    static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        var realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream().filter(String.class::isInstance)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

}
