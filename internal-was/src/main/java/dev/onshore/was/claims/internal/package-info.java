/** The exchanges' insides. */
@NullMarked
package dev.onshore.was.claims.internal;

import org.jspecify.annotations.NullMarked;
