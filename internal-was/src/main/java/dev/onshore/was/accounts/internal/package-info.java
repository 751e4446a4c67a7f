/**
 * The accounts' insides: profiles, address books, customers and erasures; their personal values are encrypted
 * through the personal data area ({@code dev.onshore.was.pii}).
 */
@NullMarked
package dev.onshore.was.accounts.internal;

import org.jspecify.annotations.NullMarked;
