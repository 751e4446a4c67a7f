/**
 * Hot deals: operators schedule a time-limited sale of one product (units, price, per-customer limit, window in the
 * operator's time zone, admission rate); the storefront and the edge's waiting room read the announced deals through
 * {@code GET /api/shop/v1/hot-deals} (public, nothing secret: dmz-api holds no database credentials and polls it).
 * <p>
 * Seam for the orders area: {@link dev.onshore.was.hotdeals.HotDealScheduling#claimUnits} is the conditional
 * {@code UPDATE hot_deal SET units_left = units_left - ? WHERE id = ? AND units_left >= ?} that decides whether a unit
 * is sold (MariaDB is the truth; the edge's Redis counter only admits). A deal with no unit left is announced sold out,
 * which closes the waiting room. Checkout buys through {@link dev.onshore.was.hotdeals.HotDealPurchases}: within the
 * order's transaction the deal's units (also bounded by the window) and the customer's units ({@code hot_deal_customer},
 * {@code units + ? <= limit}) are taken by conditional updates; a cancelled order (failed or expired payment included)
 * gives them back once.
 */
@NullMarked
@ApplicationModule(displayName = "Hot deals")
package dev.onshore.was.hotdeals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
