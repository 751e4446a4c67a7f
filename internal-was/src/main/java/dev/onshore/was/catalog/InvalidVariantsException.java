package dev.onshore.was.catalog;

import java.util.List;

/** A definition of variants that cannot be accepted; nothing changed. */
public class InvalidVariantsException extends RuntimeException {

    private final List<InputViolation> violations;

    public InvalidVariantsException(List<InputViolation> violations) {
        super("Variants refused: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<InputViolation> violations() {
        return violations;
    }
}
