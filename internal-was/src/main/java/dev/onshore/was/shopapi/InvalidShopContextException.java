package dev.onshore.was.shopapi;

import java.util.List;

/**
 * The request names a market, locale or currency the shop does not serve (or cannot parse): an invalid parameter
 * whose problem says which markets, locales or currencies the shop serves instead.
 *
 * @param parameter {@code market}, {@code locale} or {@code currency}
 * @param code {@code unknown} (no such market/locale/currency), {@code unsupported} (not for this market)
 * @param allowed what the request may name instead
 */
final class InvalidShopContextException extends InvalidParameterException {

    InvalidShopContextException(String parameter, String code, List<String> allowed) {
        super("Invalid " + parameter + " (" + code + ")", parameter, code, allowed);
    }
}
