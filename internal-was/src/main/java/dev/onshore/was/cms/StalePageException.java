package dev.onshore.was.cms;

/** An operator edited a page that changed since they loaded it: they must look at it again before changing it. */
public class StalePageException extends RuntimeException {

    public StalePageException(String market, String pageKey) {
        super("Page " + pageKey + " of " + market + " changed since it was read");
    }
}
