/**
 * Country of a client IP address from MaxMind-format .mmdb databases, reloaded when the file changes.
 */
@NullMarked
package dev.onshore.i18n.geoip;

import org.jspecify.annotations.NullMarked;
