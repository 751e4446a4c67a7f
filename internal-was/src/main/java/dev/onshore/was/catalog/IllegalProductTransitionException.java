package dev.onshore.was.catalog;

/** The product cannot go from its current status to the one asked for. */
public class IllegalProductTransitionException extends RuntimeException {

    private final ProductStatus from;
    private final ProductStatus to;

    public IllegalProductTransitionException(ProductStatus from, ProductStatus to) {
        super("A product cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public ProductStatus from() {
        return from;
    }

    public ProductStatus to() {
        return to;
    }
}
