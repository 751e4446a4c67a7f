/**
 * Exchange rates against a base currency: history, imports (ECB XML, CSV), manual overrides, staleness guard and conversion with a recorded snapshot.
 */
@NullMarked
package dev.onshore.i18n.rates;

import org.jspecify.annotations.NullMarked;
