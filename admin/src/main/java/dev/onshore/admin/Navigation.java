package dev.onshore.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout shows around every screen: the operator's name and the navigation, only the links their roles may
 * use (the same roles as {@link Access}; the pages refuse the others anyway).
 */
@ControllerAdvice
class Navigation {

    /**
     * One link of the navigation.
     *
     * @param key the message key of its label ({@code nav.<key>})
     * @param roles who sees it; empty means any operator
     */
    record Link(String key, String href, Set<String> roles) {

        boolean visibleTo(Set<String> operatorRoles) {
            return operatorRoles.contains("ADMIN") || roles.isEmpty() && !operatorRoles.isEmpty()
                    || roles.stream().anyMatch(operatorRoles::contains);
        }
    }

    static final List<Link> LINKS = List.of(
            // Only screens that exist, so that no link leads an operator to an error page.
            new Link("dashboard", "/", Set.of()),
            new Link("products", "/products", Set.of("CATALOG_MANAGER", "VIEWER")),
            new Link("categories", "/categories", Set.of("CATALOG_MANAGER", "VIEWER")),
            new Link("brands", "/brands", Set.of("CATALOG_MANAGER", "VIEWER")),
            new Link("orders", "/orders", Set.of("ORDER_MANAGER", "FINANCE", "VIEWER")),
            new Link("customers", "/customers", Set.of("ORDER_MANAGER")),
            new Link("cms", "/cms", Set.of("CONTENT_MANAGER", "VIEWER")),
            new Link("hotDeals", "/marketing/hot-deals", Set.of("CONTENT_MANAGER", "VIEWER")),
            new Link("coupons", "/marketing/coupons", Set.of("CONTENT_MANAGER", "FINANCE", "VIEWER")),
            new Link("rates", "/rates", Set.of("FINANCE", "VIEWER")),
            new Link("statistics", "/statistics", Set.of("FINANCE", "VIEWER")),
            new Link("jobs", "/jobs", Set.of("FINANCE", "VIEWER")),
            new Link("audit", "/audit", Set.of("ADMIN")),
            new Link("logins", "/logins", Set.of("ADMIN")),
            new Link("mailbox", "/mailbox", Set.of("ORDER_MANAGER")));

    @ModelAttribute("navigation")
    List<Link> navigation() {
        var roles = operator() == null ? Set.<String>of() : OperatorRoles.of(operator());
        return LINKS.stream().filter(link -> link.visibleTo(roles)).toList();
    }

    /** The signed-in operator's username; null on an error page shown before sign-in. */
    @ModelAttribute("operatorName")
    @Nullable String operatorName() {
        var operator = operator();
        return operator == null ? null : OperatorHeaders.name(operator);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /**
     * The request's query string without {@code lang}, raw (still encoded), ending in {@code &} when not empty: the
     * language links switch the language of the page shown, including a page named by its query
     * ({@code /brands/edit?name=...}), not of a page without its parameters.
     */
    @ModelAttribute("queryBeforeLanguage")
    String queryBeforeLanguage(HttpServletRequest request) {
        var query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return "";
        }
        var kept = java.util.Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty() && !part.equals("lang") && !part.startsWith("lang="))
                .collect(java.util.stream.Collectors.joining("&"));
        return kept.isEmpty() ? "" : kept + "&";
    }

    /** The zone times are shown in: the operator's choice, else KST. */
    @ModelAttribute("zone")
    ZoneId zone() {
        var zone = LocaleContextHolder.getTimeZone();
        return zone == null ? AdminWeb.SEOUL : zone.toZoneId();
    }

    private static @Nullable Authentication operator() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof OidcUser ? authentication : null;
    }
}
