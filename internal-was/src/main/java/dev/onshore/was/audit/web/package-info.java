/** The audit trail's admin API. */
@NullMarked
package dev.onshore.was.audit.web;

import org.jspecify.annotations.NullMarked;
