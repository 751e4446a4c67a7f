/** The marketplace import's insides: reading the files, checking rows, the product-code mapping's table. */
@NullMarked
package dev.onshore.was.marketplace.internal;

import org.jspecify.annotations.NullMarked;
