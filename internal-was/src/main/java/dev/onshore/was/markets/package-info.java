/**
 * The markets Onshore sells to, from configuration ({@code onshore.markets}): the one
 * {@link dev.onshore.i18n.market.Markets} bean every area is given, and the application's {@link java.time.Clock}.
 * Shared: every area's tests start with it.
 */
@NullMarked
@ApplicationModule(displayName = "Markets", type = ApplicationModule.Type.OPEN)
package dev.onshore.was.markets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
