package dev.onshore.was.shopapi;

/**
 * What the request asks for is not in the shopper's market's catalogue: an unknown product, one the market does
 * not sell (the same answer: which products exist elsewhere is not the shopper's to learn), or an unknown category.
 *
 * @param kind {@code product} or {@code category}
 */
final class NotInCatalogueException extends RuntimeException {

    private final String kind;

    NotInCatalogueException(String kind) {
        super("No such " + kind + " in this market");
        this.kind = kind;
    }

    String kind() {
        return kind;
    }
}
