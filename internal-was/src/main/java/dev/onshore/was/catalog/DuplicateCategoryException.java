package dev.onshore.was.catalog;

/** A category with this code exists already. Nothing saved. */
public class DuplicateCategoryException extends RuntimeException {

    private final String code;

    public DuplicateCategoryException(String code) {
        super("Category " + code + " exists already");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
