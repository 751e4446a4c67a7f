/**
 * Accounts: shoppers' profiles, address books and consents (to come), with their personal data (names, addresses,
 * phone numbers) encrypted at rest under keys kept outside the database.
 */
@NullMarked
@ApplicationModule(displayName = "Accounts")
package dev.onshore.was.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
