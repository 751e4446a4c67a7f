package dev.onshore.was.adminapi;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who calls the admin API right now: the operator the admin app acts for, their roles and the address they act
 * from. The headers are believed only because a valid service token of the operators realm (role
 * {@code internal-api}) got the request this far; {@link AdminAccessCheck} reads them once per request.
 *
 * @param operator the operator's name, or {@code "admin-service"} when the admin app acts for nobody
 * @param roles the operator's roles; never null, may be empty
 * @param address the operator's browser address as the admin app saw it, else the caller's; null if unknown
 */
public record AdminCaller(String operator, Set<OperatorRole> roles, @Nullable String address) {

    public static final String ROLES_HEADER = "X-Onshore-Operator-Roles";
    public static final String ADDRESS_HEADER = "X-Onshore-Operator-Address";

    static final String ATTRIBUTE = AdminCaller.class.getName();
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public AdminCaller {
        roles = Set.copyOf(roles);
    }

    /** The caller of the admin API request this thread serves; empty outside one (jobs, events, demo data). */
    public static Optional<AdminCaller> current() {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((AdminCaller) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** An IP literal as sent, or null when it is none (never a name: nothing is resolved). */
    static @Nullable String address(@Nullable String header) {
        if (header == null || !IP_LITERAL.matcher(header.strip()).matches()) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(header.strip()).getHostAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
