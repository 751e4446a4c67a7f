package dev.onshore.was.catalog;

import java.util.List;

/** An image upload that cannot be accepted; nothing was stored or changed. */
public class InvalidImageException extends RuntimeException {

    private final List<InputViolation> violations;

    public InvalidImageException(List<InputViolation> violations) {
        super("Image refused: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<InputViolation> violations() {
        return violations;
    }
}
