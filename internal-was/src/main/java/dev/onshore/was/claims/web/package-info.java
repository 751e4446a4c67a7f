/** The exchanges' admin API. */
@NullMarked
package dev.onshore.was.claims.web;

import org.jspecify.annotations.NullMarked;
