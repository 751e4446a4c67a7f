package dev.onshore.was.catalog;

import java.util.List;

/** A product edit that breaks a rule, field by field ({@code listPrice}, {@code offers.SG.salePrice}). Nothing saved. */
public class InvalidProductException extends RuntimeException {

    /** @param code a stable code the admin API turns into a localized message */
    public record Violation(String field, String code) {
    }

    private final List<Violation> violations;

    public InvalidProductException(List<Violation> violations) {
        super("Invalid product: " + violations);
        this.violations = List.copyOf(violations);
    }

    public InvalidProductException(String field, String code) {
        this(List.of(new Violation(field, code)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
