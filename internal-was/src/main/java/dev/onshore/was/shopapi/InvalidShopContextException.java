package dev.onshore.was.shopapi;

import java.util.List;

/**
 * The request names a market, locale or currency the shop does not serve (or cannot parse).
 *
 * @param parameter {@code market}, {@code locale} or {@code currency}
 * @param allowed what the request may name instead
 */
final class InvalidShopContextException extends RuntimeException {

    private final String parameter;
    private final String code;
    private final List<String> allowed;

    InvalidShopContextException(String parameter, String code, List<String> allowed) {
        super("Invalid " + parameter + " (" + code + ")");
        this.parameter = parameter;
        this.code = code;
        this.allowed = List.copyOf(allowed);
    }

    String parameter() {
        return parameter;
    }

    /** {@code unknown} (no such market/locale/currency), {@code unsupported} (not for this market). */
    String code() {
        return code;
    }

    List<String> allowed() {
        return allowed;
    }
}
