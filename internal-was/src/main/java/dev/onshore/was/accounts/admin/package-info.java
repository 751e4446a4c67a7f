/**
 * Customers for operators (admin API): search by e-mail address or order number, detail with orders, the audited
 * reveal of personal values and the blacklist.
 */
@NullMarked
package dev.onshore.was.accounts.admin;

import org.jspecify.annotations.NullMarked;
