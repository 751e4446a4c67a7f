/** The rates' insides: the MariaDB store, the desk operators use, the settings and the demo's rates. */
@NullMarked
package dev.onshore.was.rates.internal;

import org.jspecify.annotations.NullMarked;
