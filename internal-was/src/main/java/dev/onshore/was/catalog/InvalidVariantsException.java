package dev.onshore.was.catalog;

import java.util.List;

/** A definition of variants that cannot be accepted; nothing changed. */
public class InvalidVariantsException extends InvalidCatalogInputException {

    public InvalidVariantsException(List<InputViolation> violations) {
        super("Variants refused: ", violations);
    }
}
