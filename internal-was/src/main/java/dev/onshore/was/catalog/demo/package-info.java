/**
 * The demo's catalog: categories, products in five languages and six markets, some deliberately unsellable, written
 * at start in the {@code demo} profile only.
 */
@NullMarked
package dev.onshore.was.catalog.demo;

import org.jspecify.annotations.NullMarked;
