/**
 * Formats UTC instants in a viewer's time zone and locale with ICU.
 */
@NullMarked
package dev.onshore.i18n.time;

import org.jspecify.annotations.NullMarked;
