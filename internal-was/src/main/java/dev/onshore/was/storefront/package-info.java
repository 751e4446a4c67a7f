/** The shoppers' pages, rendered on the server in the shopper's language and market currency. */
@NullMarked
@ApplicationModule(displayName = "Storefront")
package dev.onshore.was.storefront;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
