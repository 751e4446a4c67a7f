/** The marketplace import's admin API. */
@NullMarked
package dev.onshore.was.marketplace.web;

import org.jspecify.annotations.NullMarked;
