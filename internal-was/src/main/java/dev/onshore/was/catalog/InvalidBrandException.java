package dev.onshore.was.catalog;

import java.util.List;

/** A brand rename that breaks a rule, field by field ({@code name}). Nothing changed. */
public class InvalidBrandException extends InvalidCatalogInputException {

    public InvalidBrandException(List<InputViolation> violations) {
        super("Invalid brand: ", violations);
    }
}
