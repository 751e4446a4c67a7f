package dev.onshore.was.catalog;

/** No product carries this brand. */
public class UnknownBrandException extends RuntimeException {

    private final String name;

    public UnknownBrandException(String name) {
        super("No product has the brand " + name);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
