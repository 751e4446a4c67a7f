package dev.onshore.was.catalog;

import dev.onshore.was.shared.StaleEditException;

/** An edit named a version of the category that is no longer current: someone changed it since. Nothing saved. */
public class StaleCategoryException extends StaleEditException {

    private final String code;

    public StaleCategoryException(String code, long edited, long current) {
        super("Category " + code + " is at version " + current + ", the edit was of version " + edited, edited,
                current);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
