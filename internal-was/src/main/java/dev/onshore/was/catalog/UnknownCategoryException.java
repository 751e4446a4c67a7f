package dev.onshore.was.catalog;

/** No category has this code. */
public class UnknownCategoryException extends RuntimeException {

    private final String code;

    public UnknownCategoryException(String code) {
        super("No category with code " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
