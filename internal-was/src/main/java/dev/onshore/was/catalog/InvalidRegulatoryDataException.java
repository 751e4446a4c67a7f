package dev.onshore.was.catalog;

import java.util.List;

/** Regulatory data that does not satisfy its market's schema; nothing was saved. */
public class InvalidRegulatoryDataException extends RuntimeException {

    private final String market;
    private final List<RegulatoryViolation> violations;

    public InvalidRegulatoryDataException(String market, List<RegulatoryViolation> violations) {
        super("Regulatory data for " + market + " is invalid: " + violations);
        this.market = market;
        this.violations = List.copyOf(violations);
    }

    public String market() {
        return market;
    }

    public List<RegulatoryViolation> violations() {
        return violations;
    }
}
