/**
 * The audit trail: who changed what, when, from where, with the state before and after, written by every area's
 * admin change inside its own transaction ({@link dev.onshore.was.audit.AuditTrail}); append-only (database
 * triggers refuse UPDATE and DELETE). Also the operators' sign-in history.
 */
@NullMarked
@ApplicationModule(displayName = "Audit")
package dev.onshore.was.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
