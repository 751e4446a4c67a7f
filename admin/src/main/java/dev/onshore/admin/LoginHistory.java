package dev.onshore.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Records each sign-in this app completes or refuses in the internal WAS's login history (ADMIN reads it at
 * {@code /logins}). Wrong passwords and TOTP codes are refused by Keycloak before the operator comes back here; what
 * this app sees failing is the code exchange and token validation. Recording never blocks a sign-in.
 */
@Component
class LoginHistory {

    private static final Logger log = LoggerFactory.getLogger(LoginHistory.class);

    private final RestClient internalWas;

    LoginHistory(RestClient internalWasRestClient) {
        this.internalWas = internalWasRestClient;
    }

    void succeeded(HttpServletRequest request, Authentication authentication) {
        send(request, OperatorHeaders.name(authentication), true, null);
    }

    void failed(HttpServletRequest request, AuthenticationException failure) {
        var reason = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
                : failure.getClass().getSimpleName();
        send(request, "unknown", false, reason);
    }

    private void send(HttpServletRequest request, String username, boolean succeeded, @Nullable String reason) {
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("succeeded", succeeded);
        body.put("reason", reason);
        try {
            internalWas.post().uri("/api/admin/audit/logins").contentType(MediaType.APPLICATION_JSON)
                    .header(OperatorHeaders.ADDRESS, request.getRemoteAddr()).body(body).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("Could not record the sign-in of {} (succeeded: {}) from {}: {}", username, succeeded,
                    request.getRemoteAddr(), e.getMessage());
        }
    }
}
