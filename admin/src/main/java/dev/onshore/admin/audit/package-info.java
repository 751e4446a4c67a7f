/** The audit log and the operators' sign-in history screens, for ADMIN, read from the internal WAS's audit trail. */
@NullMarked
package dev.onshore.admin.audit;

import org.jspecify.annotations.NullMarked;
