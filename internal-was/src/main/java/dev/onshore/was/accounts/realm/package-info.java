/**
 * The shoppers realm seen from the accounts: an erased shopper's Keycloak user is <em>deleted</em> through the Admin
 * REST API ({@code DELETE /admin/realms/shoppers/users/{id}}) with the client-credentials token of the realm's
 * {@code onshore-account-erasure} client, whose service account holds realm-management {@code manage-users} and
 * nothing else.
 *
 * <p>Deleted rather than disabled and scrubbed: the realm uses the e-mail address as the username
 * ({@code registrationEmailAsUsername}) and Keycloak does not let a username be edited, so a disabled user would keep
 * the very address erasure is meant to forget; deletion also removes the password hash, sessions, consents and login
 * history in one call. The shopper's orders keep no link to the subject (they were anonymised), so nothing refers to
 * the deleted user. A shopper who registers again with the same address gets a new subject and an empty account.
 * Deleting is idempotent here: a user that is already gone (404) counts as done, so a retried event is harmless.
 */
@NullMarked
package dev.onshore.was.accounts.realm;

import org.jspecify.annotations.NullMarked;
