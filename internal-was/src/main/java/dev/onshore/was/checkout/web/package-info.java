/**
 * The shop API for buying ({@code /api/shop/v1/cart}, {@code /checkout}, {@code /orders}): JSON in and out, every
 * error a problem detail, nothing cacheable, order creation guarded by an {@code Idempotency-Key}.
 */
@NullMarked
package dev.onshore.was.checkout.web;

import org.jspecify.annotations.NullMarked;
