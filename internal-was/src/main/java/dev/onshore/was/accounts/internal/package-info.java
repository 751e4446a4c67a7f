/** The accounts' insides: encryption of personal data at rest (AES-256-GCM, rotating keys read from a file). */
@NullMarked
package dev.onshore.was.accounts.internal;

import org.jspecify.annotations.NullMarked;
