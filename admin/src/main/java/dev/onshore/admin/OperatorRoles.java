package dev.onshore.admin;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * The operators realm's roles. Keycloak puts the realm roles into the ID token as {@code roles} (a protocol mapper of
 * the {@code onshore-admin} client); each known one becomes the authority {@code ROLE_<NAME>}. Unknown roles give
 * nothing.
 */
public final class OperatorRoles implements GrantedAuthoritiesMapper {

    public static final List<String> ALL =
            List.of("ADMIN", "CATALOG_MANAGER", "ORDER_MANAGER", "CONTENT_MANAGER", "FINANCE", "VIEWER");

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        var mapped = new HashSet<GrantedAuthority>(authorities);
        for (var authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                var roles = oidc.getIdToken().getClaimAsStringList("roles");
                if (roles == null && oidc.getUserInfo() != null) {
                    roles = oidc.getUserInfo().getClaimAsStringList("roles");
                }
                if (roles != null) {
                    roles.stream().filter(ALL::contains).forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                }
            }
        }
        return mapped;
    }

    /** The operator's roles, as the internal WAS's admin API wants them ({@code X-Onshore-Operator-Roles}). */
    public static Set<String> of(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith("ROLE_")).map(name -> name.substring(5)).filter(ALL::contains)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
