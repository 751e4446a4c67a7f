/**
 * The store API of a shopper's own account ({@code /api/shop/v1/account}): profile and preferences, address book,
 * erasure. Only with the shopper's bearer token; every error a problem detail in the shopper's language.
 */
@NullMarked
package dev.onshore.was.accounts.web;

import org.jspecify.annotations.NullMarked;
