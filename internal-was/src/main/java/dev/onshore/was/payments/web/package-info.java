/** The providers' door: the webhook endpoint, its problems and their localized texts. */
@NullMarked
package dev.onshore.was.payments.web;

import org.jspecify.annotations.NullMarked;
