/**
 * Once-only claims with a lease: the one mechanism behind the store API's {@code Idempotency-Key}
 * ({@code checkout/web/IdempotencyKeys}, table {@code idempotency_key}) and the storefront's one-time form tokens
 * ({@code storefront/FormTokens}, table {@code storefront_form_token}). {@link dev.onshore.was.idempotency.LeasedClaims}
 * claims a row (a unique key: a concurrent twin finds it claimed), takes over the row of a run whose lease ran out
 * (a compare-and-set on its token), records what a run did in that run's own transaction, fenced by its token, and
 * releases a run's claim. What a row means and answers stays with each caller. Depends on no other area.
 */
@NullMarked
@ApplicationModule(displayName = "Once-only claims", allowedDependencies = {})
package dev.onshore.was.idempotency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
