/**
 * The CMS: a site per market whose pages are templates made of corners, filled with scheduled, per-locale,
 * prioritized items. Storefront pages read it through {@link dev.onshore.was.cms.SiteContent}; it reads products
 * only through the catalog's public API.
 */
@NullMarked
@ApplicationModule(displayName = "CMS", allowedDependencies = {"catalog", "adminapi", "audit", "shared"})
package dev.onshore.was.cms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
