package dev.onshore.was.catalog;

/**
 * A category still used by products or sub-categories cannot be deleted: they would lose their place in the tree.
 * Nothing deleted.
 */
public class CategoryInUseException extends RuntimeException {

    private final String code;
    private final long products;
    private final long children;

    public CategoryInUseException(String code, long products, long children) {
        super("Category " + code + " is used by " + products + " products and " + children + " sub-categories");
        this.code = code;
        this.products = products;
        this.children = children;
    }

    public String code() {
        return code;
    }

    /** How many products are in the category itself (not counting its sub-categories'). */
    public long products() {
        return products;
    }

    public long children() {
        return children;
    }
}
