/**
 * The shared kernel: small building blocks several areas use alike and that depend on no area.
 * {@link dev.onshore.was.shared.AfterCommit} runs work once the caller's transaction committed (metrics, caches);
 * {@link dev.onshore.was.shared.StaleEditException} is the base of "an edit of version X met version Y" refusals
 * (category, product, customer); {@link dev.onshore.was.shared.ShopProblemDetails} builds the shop's RFC 9457
 * problem details (type, localized title and detail) for the store API's and the accounts' advice.
 */
@NullMarked
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package dev.onshore.was.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
