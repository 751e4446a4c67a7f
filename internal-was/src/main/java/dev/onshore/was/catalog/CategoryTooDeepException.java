package dev.onshore.was.catalog;

/** A category under {@code parent} would be a fifth level: the tree has four. Nothing saved. */
public class CategoryTooDeepException extends RuntimeException {

    private final String parent;

    public CategoryTooDeepException(String parent) {
        super("Category " + parent + " is on the deepest level and takes no sub-category");
        this.parent = parent;
    }

    public String parent() {
        return parent;
    }
}
