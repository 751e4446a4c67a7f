package dev.onshore.was.catalog;

/** Four eyes: the operator who submitted a product for approval cannot approve it. Nothing changed. */
public class SelfApprovalException extends RuntimeException {

    private final String sku;
    private final Operator operator;

    public SelfApprovalException(String sku, Operator operator) {
        super(operator + " submitted " + sku + " and cannot approve it too");
        this.sku = sku;
        this.operator = operator;
    }

    public String sku() {
        return sku;
    }

    public Operator operator() {
        return operator;
    }
}
