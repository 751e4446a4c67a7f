/**
 * The back office's customers screen: search by exact e-mail address or order number, a list of recent accounts
 * (masked), a customer's page with their orders, the audited reveal of personal values and the blacklist. Every call
 * goes to the internal WAS's admin API, which enforces the operator's roles again.
 */
@NullMarked
package dev.onshore.admin.customers;

import org.jspecify.annotations.NullMarked;
