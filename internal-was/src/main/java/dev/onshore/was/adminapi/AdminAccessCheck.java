package dev.onshore.was.adminapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link AdminAccess} on every admin API handler with the roles the admin app sent in
 * {@link AdminCaller#ROLES_HEADER}; a handler without the annotation is refused (fail closed). Runs after the
 * security chain, so only a valid service token reaches it.
 */
final class AdminAccessCheck implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AdminAccessCheck.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // no controller: a 404 or a static resource, nothing to guard
        }
        var roles = OperatorRole.parse(request.getHeader(AdminCaller.ROLES_HEADER));
        var operator = request.getHeader(OperatorHeader.NAME);
        var address = AdminCaller.address(request.getHeader(AdminCaller.ADDRESS_HEADER));
        var caller = new AdminCaller(operator == null || !OperatorHeader.FORMAT.matcher(operator).matches()
                ? "admin-service" : operator, roles, address == null ? request.getRemoteAddr() : address);
        request.setAttribute(AdminCaller.ATTRIBUTE, caller);
        var rule = rule(method);
        if (rule == null) {
            log.error("Admin API handler {} states no @AdminAccess: refused to everyone", method);
            throw new OperatorRoleDeniedException();
        }
        if (!allows(rule, roles, request.getMethod())) {
            throw new OperatorRoleDeniedException();
        }
        return true;
    }

    static AdminAccess rule(HandlerMethod method) {
        var onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AdminAccess.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AdminAccess.class);
    }

    /** Whether a caller holding {@code roles} may use an endpoint under {@code rule} with the HTTP method. */
    static boolean allows(AdminAccess rule, Set<OperatorRole> roles, String httpMethod) {
        if (rule.service() || roles.contains(OperatorRole.ADMIN)) {
            return true;
        }
        for (var role : rule.value()) {
            if (roles.contains(role)) {
                return true;
            }
        }
        var read = "GET".equals(httpMethod) || "HEAD".equals(httpMethod);
        return read && rule.viewer() && roles.contains(OperatorRole.VIEWER);
    }
}
