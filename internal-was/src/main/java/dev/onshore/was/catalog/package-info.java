/**
 * The catalog: products, their translations and their offers per market. Other areas read it through
 * {@link dev.onshore.was.catalog.ProductCatalog} and follow it through its events.
 */
@NullMarked
@ApplicationModule(displayName = "Catalog")
package dev.onshore.was.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
