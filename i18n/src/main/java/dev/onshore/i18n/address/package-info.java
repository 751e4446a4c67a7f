/**
 * Postal address formats per country (fields, order, required fields, postal codes) and their field-level validation.
 */
@NullMarked
package dev.onshore.i18n.address;

import org.jspecify.annotations.NullMarked;
