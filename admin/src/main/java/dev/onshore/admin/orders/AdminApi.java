package dev.onshore.admin.orders;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The internal WAS's admin API as these screens call it: the admin's service token (client credentials of the
 * {@code internal-was} registration) plus who acts, with which roles, from where and in which language.
 */
@Configuration(proxyBeanMethods = false)
class AdminApi {

    static final String OPERATOR = "X-Onshore-Operator";
    static final String ROLES = "X-Onshore-Operator-Roles";
    static final String ADDRESS = "X-Onshore-Operator-Address";

    /** The client registration of the admin's service account (see the admin's security configuration). */
    private static final String SERVICE_REGISTRATION = "internal-was";

    @Bean
    RestClient ordersAdminApi(RestClient.Builder builder, @Value("${onshore.admin.internal-was-url}") String url,
            OAuth2AuthorizedClientManager serviceTokens) {
        var tokens = new OAuth2ClientHttpRequestInterceptor(serviceTokens);
        tokens.setClientRegistrationIdResolver(request -> SERVICE_REGISTRATION);
        ClientHttpRequestInterceptor operator = (request, body, execution) -> {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                request.getHeaders().set(OPERATOR, user.getPreferredUsername());
                request.getHeaders().set(ROLES, authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority).filter(name -> name.startsWith("ROLE_"))
                        .map(name -> name.substring(5)).collect(Collectors.joining(",")));
            }
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest browser = attributes.getRequest();
                request.getHeaders().set(ADDRESS, browser.getRemoteAddr());
            }
            return execution.execute(request, body);
        };
        return builder.clone().baseUrl(url).requestInterceptor(tokens).requestInterceptor(operator).build();
    }
}
