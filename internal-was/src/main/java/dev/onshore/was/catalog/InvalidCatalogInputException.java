package dev.onshore.was.catalog;

import java.util.List;

/**
 * What an operator sent breaks the catalog's rules, field by field; nothing was saved or changed. Each kind of edit
 * refuses with a subclass of its own.
 */
public abstract class InvalidCatalogInputException extends RuntimeException {

    private final List<InputViolation> violations;

    protected InvalidCatalogInputException(String refused, List<InputViolation> violations) {
        super(refused + violations);
        this.violations = List.copyOf(violations);
    }

    /** What is wrong, one entry per field. */
    public List<InputViolation> violations() {
        return violations;
    }
}
