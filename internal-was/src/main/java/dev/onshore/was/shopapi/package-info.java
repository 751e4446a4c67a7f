/**
 * The headless store API ({@code /api/shop/v1}): the shopper context every endpoint answers for (market, locale,
 * currency from parameters, headers and the gateway's resolution), its problem responses, its OpenAPI document, and
 * the catalogue endpoints, a thin JSON layer over the catalog's public API.
 */
@NullMarked
@ApplicationModule(displayName = "Store API", allowedDependencies = "catalog")
package dev.onshore.was.shopapi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
