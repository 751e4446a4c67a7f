/**
 * Personal data at rest: shoppers' names, addresses, phone numbers and e-mail addresses encrypted with AES-256-GCM
 * under rotating keys read from a file outside the database (docs/security/pii-encryption.md). Shared by the areas
 * that keep personal values (accounts, orders): {@link dev.onshore.was.pii.PiiAttributeConverter} encrypts and
 * decrypts one value and computes blind indexes, a {@link dev.onshore.was.pii.PiiTable} bean registers a table's
 * encrypted columns for key rotation. Depends on no other area.
 */
@NullMarked
@ApplicationModule(displayName = "Personal data", allowedDependencies = {})
package dev.onshore.was.pii;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
