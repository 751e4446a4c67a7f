package dev.onshore.was.catalog;

/** An edit named a version of the category that is no longer current: someone changed it since. Nothing saved. */
public class StaleCategoryException extends RuntimeException {

    private final String code;
    private final long edited;
    private final long current;

    public StaleCategoryException(String code, long edited, long current) {
        super("Category " + code + " is at version " + current + ", the edit was of version " + edited);
        this.code = code;
        this.edited = edited;
        this.current = current;
    }

    public String code() {
        return code;
    }

    public long edited() {
        return edited;
    }

    public long current() {
        return current;
    }
}
