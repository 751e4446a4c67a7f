package dev.onshore.was.storefront;

import dev.onshore.i18n.context.ShopperChoiceCodec;
import dev.onshore.was.accounts.AccountErasedException;
import dev.onshore.was.accounts.ShopperAccounts;
import dev.onshore.was.cart.Carts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopper login on the storefront: authorization code + PKCE (S256) against the shoppers realm with Spring
 * Security's OAuth2 client, the public client {@code onshore-storefront}. Nothing is kept in a server session: the
 * login in progress (state, nonce, PKCE verifier) and the logged-in shopper travel in sealed cookies
 * ({@link ShopCookies}), so any WAS node serves any step and no node's memory or database grows with logins. On
 * login the guest carts merge into the member's; logout ends the realm's session too.
 */
@Configuration(proxyBeanMethods = false)
class ShopperLogin {

    static final String REGISTRATION = "shoppers";
    private static final Logger log = LoggerFactory.getLogger(ShopperLogin.class);
    private static final String REMOVED = ShopperLogin.class.getName() + ".REMOVED";

    @Bean
    ClientRegistrationRepository shopperClients(PublicUrls urls,
            @Value("${onshore.identity.shopper-issuer}") String issuer,
            @Value("${onshore.identity.keycloak-url}") String keycloak,
            @Value("${onshore.storefront.login-token-uri:}") String tokenUri) {
        // Keycloak names the issuer after the address it is asked on: the code is exchanged at the public issuer's
        // token endpoint (through the edge, which routes it) so that the ID token's iss is the one shoppers' tokens
        // carry everywhere else. Keys are fetched directly. No user-info call: the ID token has the claims we show.
        var path = java.net.URI.create(issuer).getPath();
        var internal = keycloak.replaceAll("/+$", "") + path + "/protocol/openid-connect";
        var token = tokenUri.isBlank() ? issuer + "/protocol/openid-connect/token" : tokenUri;
        var registration = ClientRegistration.withRegistrationId(REGISTRATION).clientId("onshore-storefront")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(urls.origin("") + "/login/oauth2/code/" + REGISTRATION)
                .scope("openid", "profile", "email")
                .authorizationUri(issuer + "/protocol/openid-connect/auth").tokenUri(token)
                .jwkSetUri(internal + "/certs").userNameAttributeName("sub")
                .issuerUri(issuer).providerConfigurationMetadata(java.util.Map.of("end_session_endpoint",
                        issuer + "/protocol/openid-connect/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** Applied by the security module to the pages' filter chain. */
    @Bean
    Customizer<HttpSecurity> storefrontLogin(ClientRegistrationRepository clients, ShopCookies cookies, Carts carts,
            StorefrontLocales locales, JsonMapper json, PublicUrls urls, Clock clock, ShopperAccounts accounts) {
        var contexts = new CookieContexts(cookies, json, clock);
        var requests = new CookieAuthorizationRequests(cookies);
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(builder -> {
            var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
            builder.attributes(attributes -> attributes.put("next", next(request.getParameter("next"), locales)));
            var lang = request.getParameter("lang");
            if (lang != null && lang.matches("[a-z]{2,3}")) {
                builder.additionalParameters(parameters -> parameters.put("ui_locales", lang));
            }
            if ("1".equals(request.getParameter("signup"))) {
                // Keycloak's registration page: the same authorization request, starting at sign-up.
                var registration = clients.findByRegistrationId(REGISTRATION);
                builder.authorizationUri(registration.getProviderDetails().getAuthorizationUri()
                        .replaceAll("/auth$", "/registrations"));
            }
        });
        return http -> {
            try {
                http.securityContext(context -> context.securityContextRepository(contexts))
                        .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                                // The product page is shared from the page cache, so it cannot carry a shopper's
                                // token: adding to a cart is checked by origin instead (CartPages).
                                .ignoringRequestMatchers(request -> request.getMethod().equals("POST")
                                        && request.getRequestURI().matches("/[a-z]{2,3}-[a-z]{2}/cart/add")))
                        .oauth2Login(login -> login.clientRegistrationRepository(clients)
                                .loginPage("/oauth2/authorization/" + REGISTRATION)
                                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver)
                                        .authorizationRequestRepository(requests))
                                .authorizedClientRepository(new NoAuthorizedClients())
                                .successHandler((request, response, authentication) -> {
                                    var next = next(request);
                                    var shopper = Shopper.current().orElseThrow();
                                    try {
                                        accounts.recordLogin(shopper.subject(), shopper.email());
                                    } catch (RuntimeException e) {
                                        // The back office's customer list lags; the shopper still gets in.
                                        log.warn("Could not record the login of a shopper: {}", e.toString());
                                    }
                                    var language = locales.fromPath(firstSegment(next))
                                            .map(StorefrontLocale::language).orElse("en");
                                    for (var market : cookies.cartMarkets(request)) {
                                        cookies.cartToken(request, market).ifPresent(token ->
                                                carts.merge(token, shopper.subject(), language));
                                        cookies.clear(response, ShopCookies.CART_PREFIX + market);
                                    }
                                    response.sendRedirect(choice(request, response, shopper, next, accounts,
                                            locales));
                                })
                                .failureHandler((request, response, exception) -> {
                                    log.info("Shopper login failed: {}", exception.getMessage());
                                    var next = next(request);
                                    response.sendRedirect(next + (next.contains("?") ? "&" : "?") + "login=failed");
                                }))
                        .logout(logout -> logout.logoutUrl("/logout")
                                .addLogoutHandler((request, response, authentication) ->
                                        cookies.clear(response, ShopCookies.SHOPPER))
                                .logoutSuccessHandler((request, response, authentication) -> {
                                    var page = locales.fromPath(String.valueOf(request.getParameter("locale")))
                                            .orElse(locales.siteDefault());
                                    var home = urls.page(page, "");
                                    var idToken = authentication != null
                                            && authentication.getPrincipal() instanceof Shopper shopper
                                                    ? shopper.idToken() : "";
                                    var endSession = clients.findByRegistrationId(REGISTRATION).getProviderDetails()
                                            .getConfigurationMetadata().get("end_session_endpoint");
                                    if (idToken.isEmpty() || endSession == null) {
                                        response.sendRedirect(home);
                                        return;
                                    }
                                    response.sendRedirect(UriComponentsBuilder.fromUriString(endSession.toString())
                                            .queryParam("id_token_hint", idToken)
                                            .queryParam("post_logout_redirect_uri", home).build().encode()
                                            .toUriString());
                                }));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Where to go after login: a path of ours, never another site; the site default's home otherwise. */
    static String next(@Nullable String candidate, StorefrontLocales locales) {
        if (candidate != null && candidate.length() < 500 && candidate.matches("/[a-z]{2,3}-[a-z]{2}/[A-Za-z0-9/_.\\-?=&%]*")
                && !candidate.startsWith("//") && locales.fromPath(firstSegment(candidate)).isPresent()) {
            return candidate;
        }
        return "/" + locales.siteDefault().path() + "/";
    }

    private static String next(HttpServletRequest request) {
        var removed = request.getAttribute(REMOVED);
        if (removed instanceof OAuth2AuthorizationRequest authorization
                && authorization.getAttribute("next") instanceof String next) {
            return next;
        }
        return "/";
    }

    /**
     * Issue 14: the market choice follows the shopper. A browser without a choice (a new device) gets the one saved
     * to the account, and the page it returns to is in that choice's locale; a browser with a choice, for an
     * account without one, saves it to the account. When both have one, the browser's stays (picked on this device).
     *
     * @return where the browser goes now
     */
    static String choice(HttpServletRequest request, HttpServletResponse response, Shopper shopper, String next,
            ShopperAccounts accounts, StorefrontLocales locales) {
        var device = java.util.Optional.ofNullable(org.springframework.web.util.WebUtils.getCookie(request,
                ShopperChoiceCodec.COOKIE_NAME)).flatMap(cookie -> ShopperChoiceCodec.parse(cookie.getValue()));
        var saved = accounts.savedChoice(shopper.subject());
        if (device.isPresent()) {
            if (saved.isEmpty()) {
                try {
                    accounts.saveChoice(shopper.subject(), device.get());
                } catch (AccountErasedException erased) {
                    // Erased while the realm user is still being deleted: the account keeps nothing.
                }
            }
            return next;
        }
        if (saved.isEmpty()) {
            return next;
        }
        var choice = saved.get();
        response.addHeader(org.springframework.http.HttpHeaders.SET_COOKIE, ShopperChoices.cookie(choice).toString());
        var page = locales.forShopper(choice.country(),
                choice.locale() == null ? null : choice.locale().toLanguageTag());
        var current = locales.fromPath(firstSegment(next));
        if (current.isPresent() && !current.get().equals(page)) {
            return "/" + page.path() + next.substring(1 + firstSegment(next).length());
        }
        return next;
    }

    static String firstSegment(String path) {
        var end = path.indexOf('/', 1);
        return end < 0 ? path.substring(1) : path.substring(1, end);
    }

    /** The logged-in shopper in a sealed cookie: restored on every request, on any node. */
    static final class CookieContexts implements SecurityContextRepository {

        private final ShopCookies cookies;
        private final JsonMapper json;
        private final Clock clock;

        CookieContexts(ShopCookies cookies, JsonMapper json, Clock clock) {
            this.cookies = cookies;
            this.json = json;
            this.clock = clock;
        }

        @Override
        @SuppressWarnings("deprecation")
        public SecurityContext loadContext(
                org.springframework.security.web.context.HttpRequestResponseHolder holder) {
            return load(holder.getRequest());
        }

        @Override
        public org.springframework.security.core.context.DeferredSecurityContext loadDeferredContext(
                HttpServletRequest request) {
            Supplier<SecurityContext> supplier = () -> load(request);
            return new org.springframework.security.core.context.DeferredSecurityContext() {
                private @Nullable SecurityContext loaded;

                @Override
                public SecurityContext get() {
                    if (loaded == null) {
                        loaded = supplier.get();
                    }
                    return loaded;
                }

                @Override
                public boolean isGenerated() {
                    return get().getAuthentication() == null;
                }
            };
        }

        private SecurityContext load(HttpServletRequest request) {
            var context = SecurityContextHolder.createEmptyContext();
            shopper(request).ifPresent(shopper -> context.setAuthentication(new Shopper.Authenticated(shopper)));
            return context;
        }

        java.util.Optional<Shopper> shopper(HttpServletRequest request) {
            return cookies.value(request, ShopCookies.SHOPPER).map(value -> cookies.open(ShopCookies.SHOPPER, value))
                    .flatMap(plain -> {
                        try {
                            var shopper = json.readValue(plain, Shopper.class);
                            return clock.instant().getEpochSecond() < shopper.expiresAt()
                                    ? java.util.Optional.of(shopper) : java.util.Optional.empty();
                        } catch (RuntimeException e) {
                            return java.util.Optional.empty();
                        }
                    });
        }

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            Authentication authentication = context.getAuthentication();
            if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
                var age = cookies.shopperAge();
                var shopper = Shopper.of(user, clock.instant().plus(age).getEpochSecond());
                cookies.add(response, ShopCookies.SHOPPER,
                        cookies.seal(ShopCookies.SHOPPER, json.writeValueAsBytes(shopper)), age);
                context.setAuthentication(new Shopper.Authenticated(shopper));
            }
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return shopper(request).isPresent();
        }
    }

    /** The login in progress (state, nonce, PKCE verifier) in a sealed cookie that lives ten minutes. */
    static final class CookieAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

        private static final Duration AGE = Duration.ofMinutes(10);
        private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
                "maxdepth=10;maxbytes=20000;java.lang.*;java.util.*;java.net.URI;"
                        + "org.springframework.security.oauth2.core.**;!*");

        private final ShopCookies cookies;

        CookieAuthorizationRequests(ShopCookies cookies) {
            this.cookies = cookies;
        }

        @Override
        public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
            var plain = cookies.value(request, ShopCookies.LOGIN)
                    .map(value -> cookies.open(ShopCookies.LOGIN, value)).orElse(null);
            if (plain == null) {
                return null;
            }
            try (var in = new ObjectInputStream(new ByteArrayInputStream(plain))) {
                in.setObjectInputFilter(ALLOWED);
                return in.readObject() instanceof OAuth2AuthorizationRequest authorization ? authorization : null;
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public void saveAuthorizationRequest(@Nullable OAuth2AuthorizationRequest authorization,
                HttpServletRequest request, HttpServletResponse response) {
            if (authorization == null) {
                cookies.clear(response, ShopCookies.LOGIN);
                return;
            }
            var bytes = new ByteArrayOutputStream();
            try (var out = new ObjectOutputStream(bytes)) {
                out.writeObject(authorization);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            cookies.add(response, ShopCookies.LOGIN, cookies.seal(ShopCookies.LOGIN, bytes.toByteArray()), AGE);
        }

        @Override
        public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
                HttpServletResponse response) {
            var authorization = loadAuthorizationRequest(request);
            cookies.clear(response, ShopCookies.LOGIN);
            if (authorization != null) {
                request.setAttribute(REMOVED, authorization);
            }
            return authorization;
        }
    }

    /** The storefront calls no API with the shopper's tokens, so it keeps none. */
    static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String registrationId,
                Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
