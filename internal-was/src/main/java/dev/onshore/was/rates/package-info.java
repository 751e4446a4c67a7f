/**
 * Exchange rates: the daily ECB import, operators' overrides with a reason, the history of every rate and its
 * staleness. Converted offers are priced with the i18n library's {@link dev.onshore.i18n.rates.ExchangeRates},
 * which this module backs with MariaDB ({@code exchange_rate}); every recorded change is announced as
 * {@link dev.onshore.was.rates.ExchangeRatesChanged}, which the catalog follows to re-price its products.
 */
@NullMarked
@ApplicationModule(displayName = "Exchange rates", allowedDependencies = {"adminapi", "audit"})
package dev.onshore.was.rates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
