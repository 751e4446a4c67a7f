package dev.onshore.admin;

import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells the internal WAS on whose behalf a call is made: the signed-in operator's name
 * ({@code X-Onshore-Operator}), roles ({@code X-Onshore-Operator-Roles}, which it enforces again per endpoint) and
 * browser address ({@code X-Onshore-Operator-Address}, for its audit trail). The WAS believes them only together with
 * this app's service token. Headers a caller already set are left alone; outside an operator's request none is sent.
 */
public final class OperatorHeaders implements ClientHttpRequestInterceptor {

    public static final String OPERATOR = "X-Onshore-Operator";
    public static final String ROLES = "X-Onshore-Operator-Roles";
    public static final String ADDRESS = "X-Onshore-Operator-Address";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        var headers = request.getHeaders();
        operator().ifPresent(authentication -> {
            if (!headers.containsHeader(OPERATOR)) {
                headers.set(OPERATOR, name(authentication));
            }
            if (!headers.containsHeader(ROLES)) {
                headers.set(ROLES, String.join(",", OperatorRoles.of(authentication)));
            }
        });
        if (!headers.containsHeader(ADDRESS)
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            headers.set(ADDRESS, servlet.getRequest().getRemoteAddr());
        }
        return execution.execute(request, body);
    }

    /** The operator's username (not Keycloak's subject id). */
    public static String name(Authentication authentication) {
        return authentication.getPrincipal() instanceof OidcUser user && user.getPreferredUsername() != null
                ? user.getPreferredUsername() : authentication.getName();
    }

    private static Optional<Authentication> operator() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof OidcUser ? Optional.of(authentication) : Optional.empty();
    }
}
