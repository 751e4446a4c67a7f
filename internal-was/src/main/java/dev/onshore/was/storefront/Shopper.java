package dev.onshore.was.storefront;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A shopper logged in on the storefront (shoppers realm), as kept in their sealed cookie.
 *
 * @param subject the realm's {@code sub}: what carts and orders are kept under
 * @param name what the header greets them with; may be the email when the realm knows no name
 * @param idToken the ID token, for logging out of the realm as well; may be empty
 * @param expiresAt epoch seconds after which the storefront login is over
 */
public record Shopper(String subject, String name, String email, String idToken, long expiresAt) {

    /** The shopper of this request, if one is logged in. */
    static Optional<Shopper> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof Authenticated shopper) {
            return Optional.of(shopper.getPrincipal());
        }
        if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            return Optional.of(of(user, Long.MAX_VALUE));
        }
        return Optional.empty();
    }

    static Shopper of(OidcUser user, long expiresAt) {
        var name = user.getFullName() != null ? user.getFullName()
                : user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getEmail();
        return new Shopper(user.getSubject(), name == null ? "" : name, user.getEmail() == null ? "" : user.getEmail(),
                user.getIdToken().getTokenValue(), expiresAt);
    }

    /** The storefront's authentication of a shopper restored from their cookie. */
    static final class Authenticated extends AbstractAuthenticationToken {

        private final Shopper shopper;

        Authenticated(Shopper shopper) {
            super(List.of(new SimpleGrantedAuthority("ROLE_SHOPPER")));
            this.shopper = shopper;
            setAuthenticated(true);
        }

        @Override
        public @Nullable Object getCredentials() {
            return null;
        }

        @Override
        public Shopper getPrincipal() {
            return shopper;
        }
    }
}
