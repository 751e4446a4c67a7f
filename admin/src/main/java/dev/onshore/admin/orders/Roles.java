package dev.onshore.admin.orders;

import java.util.Arrays;
import org.springframework.security.core.Authentication;

/** Whether the signed-in operator holds one of some roles: what a screen offers (the WAS checks again). */
final class Roles {

    private Roles() {
    }

    static boolean any(Authentication operator, String... roles) {
        return operator.getAuthorities().stream().anyMatch(authority -> Arrays.stream(roles)
                .anyMatch(role -> authority.getAuthority().equals("ROLE_" + role)));
    }
}
