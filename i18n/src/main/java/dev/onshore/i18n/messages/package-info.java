/**
 * ICU MessageFormat bundles per locale with fallback to English.
 */
@NullMarked
package dev.onshore.i18n.messages;

import org.jspecify.annotations.NullMarked;
