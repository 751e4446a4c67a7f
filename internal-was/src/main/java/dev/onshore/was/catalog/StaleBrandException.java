package dev.onshore.was.catalog;

import dev.onshore.was.catalog.BrandAdministration.BrandProfile;

/**
 * A brand profile edit was made on a version that is no longer current: someone changed the brand since. Nothing
 * saved; {@link #current()} is what the brand shows now, for the operator to compare with their edit.
 */
public class StaleBrandException extends RuntimeException {

    private final long edited;
    private final BrandProfile current;

    public StaleBrandException(long edited, BrandProfile current) {
        super("Brand " + current.name() + " is at version " + current.version() + ", the edit was of version "
                + edited);
        this.edited = edited;
        this.current = current;
    }

    public long edited() {
        return edited;
    }

    public BrandProfile current() {
        return current;
    }
}
