package dev.onshore.was.catalog;

import java.util.List;

/** A brand rename that breaks a rule, field by field ({@code name}). Nothing changed. */
public class InvalidBrandException extends RuntimeException {

    private final List<InputViolation> violations;

    public InvalidBrandException(List<InputViolation> violations) {
        super("Invalid brand: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<InputViolation> violations() {
        return violations;
    }
}
