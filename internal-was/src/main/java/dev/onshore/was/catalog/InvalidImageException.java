package dev.onshore.was.catalog;

import java.util.List;

/** An image upload that cannot be accepted; nothing was stored or changed. */
public class InvalidImageException extends InvalidCatalogInputException {

    public InvalidImageException(List<InputViolation> violations) {
        super("Image refused: ", violations);
    }
}
