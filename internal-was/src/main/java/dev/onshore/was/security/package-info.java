/**
 * Who may call what: shopper tokens (shoppers realm) on the shop API, service tokens (operators realm) on the admin
 * API, each checked for issuer, audience, expiry and an allow-list of signing algorithms; errors as problem details.
 */
@NullMarked
@ApplicationModule(displayName = "Security", type = ApplicationModule.Type.OPEN)
package dev.onshore.was.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
