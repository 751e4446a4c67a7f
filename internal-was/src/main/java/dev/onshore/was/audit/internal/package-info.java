/** The audit trail's store. */
@NullMarked
package dev.onshore.was.audit.internal;

import org.jspecify.annotations.NullMarked;
