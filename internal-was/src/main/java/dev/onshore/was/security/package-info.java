/**
 * Who may call what: shopper tokens (shoppers realm) on the shop API, service tokens (operators realm) on the admin
 * API, each checked for issuer, audience, expiry and an allow-list of signing algorithms; errors as problem details.
 * Also the opaque bearer tokens that open a guest's cart or order ({@link dev.onshore.was.security.BearerTokens}).
 */
@NullMarked
@ApplicationModule(displayName = "Security", type = ApplicationModule.Type.OPEN)
package dev.onshore.was.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
