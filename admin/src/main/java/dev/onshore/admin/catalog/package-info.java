/**
 * The back office's catalogue screens: the product list (searched, filtered and paged by the internal WAS), a
 * product's tabs (basics, variants, translations, offers, regulatory data, images, approval workflow), product
 * creation, and bulk import and export as .xlsx and .csv.
 */
@NullMarked
package dev.onshore.admin.catalog;

import org.jspecify.annotations.NullMarked;
