/** The catalog's insides: the product aggregate, its persistence and the demo data. */
@NullMarked
package dev.onshore.was.catalog.internal;

import org.jspecify.annotations.NullMarked;
