/** The catalog's insides: the product aggregate, its persistence and the services over them. */
@NullMarked
package dev.onshore.was.catalog.internal;

import org.jspecify.annotations.NullMarked;
