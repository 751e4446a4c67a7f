/** The operators' back office: OIDC login (TOTP enforced by the operators realm), calls internal-was with a service token. */
@NullMarked
package dev.onshore.admin;

import org.jspecify.annotations.NullMarked;
