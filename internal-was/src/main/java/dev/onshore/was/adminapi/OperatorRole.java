package dev.onshore.was.adminapi;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The operators realm's roles, as the admin app passes them in {@link AdminCaller#ROLES_HEADER}. */
public enum OperatorRole {
    ADMIN, CATALOG_MANAGER, ORDER_MANAGER, CONTENT_MANAGER, FINANCE, VIEWER;

    /** The roles named in a comma-separated header; unknown names are ignored, never an error. Never null. */
    public static Set<OperatorRole> parse(@Nullable String header) {
        var roles = EnumSet.noneOf(OperatorRole.class);
        if (header == null) {
            return roles;
        }
        Arrays.stream(header.split(",")).map(name -> name.strip().toUpperCase(Locale.ROOT))
                .forEach(name -> Arrays.stream(values()).filter(role -> role.name().equals(name))
                        .forEach(roles::add));
        return roles;
    }
}
