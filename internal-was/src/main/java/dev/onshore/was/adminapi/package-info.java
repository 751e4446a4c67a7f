/**
 * What every area's admin API does alike: the operator on whose behalf the admin app calls
 * ({@link dev.onshore.was.adminapi.OperatorHeader}) and input that cannot be carried out as sent, answered as an
 * RFC 9457 problem detail with one entry per field. Open: any area's HTTP adapter uses it.
 */
@NullMarked
@ApplicationModule(displayName = "Admin API", type = ApplicationModule.Type.OPEN)
package dev.onshore.was.adminapi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
