package dev.onshore.was.shared;

/**
 * An edit was made on a version of something that is no longer current: someone changed it since. Nothing saved.
 * Each area names what was edited in a subclass of its own; the web adapter answers both versions, so that the
 * operator can reload and compare.
 */
public abstract class StaleEditException extends RuntimeException {

    private final long edited;
    private final long current;

    protected StaleEditException(String message, long edited, long current) {
        super(message);
        this.edited = edited;
        this.current = current;
    }

    /** The version the edit was made on. */
    public long edited() {
        return edited;
    }

    /** The version that is current now. */
    public long current() {
        return current;
    }
}
