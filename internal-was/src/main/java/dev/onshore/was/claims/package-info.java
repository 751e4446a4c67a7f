/**
 * Claims that move goods both ways: exchanges of a delivered order's line for another variant of the same product,
 * with the replacement's stock taken on approval and the returned units put back on receipt, each step in the
 * order's timeline and the audit trail.
 */
@NullMarked
@ApplicationModule(displayName = "Claims", allowedDependencies = {"orders", "inventory", "catalog", "adminapi"})
package dev.onshore.was.claims;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
