package dev.onshore.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator IP allow-list: any page from an address outside {@code onshore.admin.operator-networks} is refused
 * with 403 (the localized error page) before anything else runs. Health stays open to the load balancer, metrics to
 * their own allow-list ({@link MetricsProperties}).
 */
final class OperatorNetworks extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OperatorNetworks.class);

    private final List<IpAddressMatcher> networks;

    OperatorNetworks(OperatorNetworkProperties settings) {
        this.networks = settings.operatorNetworks().stream().map(IpAddressMatcher::new).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI();
        if (path.startsWith("/actuator/health") || path.equals("/actuator/prometheus")
                || networks.stream().anyMatch(network -> network.matches(request))) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused {} {} from {}: not an operator network", request.getMethod(), path, request.getRemoteAddr());
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
