package dev.onshore.was.catalog;

import java.util.List;

/** A category edit that breaks a rule, field by field ({@code slug}, {@code names.en}). Nothing saved. */
public class InvalidCategoryException extends InvalidCatalogInputException {

    public InvalidCategoryException(List<InputViolation> violations) {
        super("Invalid category: ", violations);
    }
}
