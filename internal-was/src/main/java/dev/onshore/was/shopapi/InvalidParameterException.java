package dev.onshore.was.shopapi;

import java.util.List;

/**
 * A store API parameter is malformed or out of range.
 *
 * @param code what is wrong, a message key suffix ({@code malformed}, {@code too-long}, {@code out-of-range},
 *     {@code required}, {@code not-one-of})
 */
class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String code;
    private final List<String> allowed;

    InvalidParameterException(String parameter, String code) {
        this(parameter, code, List.of());
    }

    InvalidParameterException(String parameter, String code, List<String> allowed) {
        this("Invalid parameter " + parameter + " (" + code + ")", parameter, code, allowed);
    }

    InvalidParameterException(String message, String parameter, String code, List<String> allowed) {
        super(message);
        this.parameter = parameter;
        this.code = code;
        this.allowed = List.copyOf(allowed);
    }

    String parameter() {
        return parameter;
    }

    String code() {
        return code;
    }

    List<String> allowed() {
        return allowed;
    }
}
