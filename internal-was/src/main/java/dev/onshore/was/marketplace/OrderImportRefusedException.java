package dev.onshore.was.marketplace;

import java.util.List;

/** A file with refused rows: nothing of it was imported. */
public class OrderImportRefusedException extends RuntimeException {

    private final String fileName;
    private final List<MarketplaceOrders.RowError> errors;

    public OrderImportRefusedException(String fileName, List<MarketplaceOrders.RowError> errors) {
        super(fileName + ": " + errors.size() + " refused rows");
        this.fileName = fileName;
        this.errors = List.copyOf(errors);
    }

    public String fileName() {
        return fileName;
    }

    /** Every refused row, by row number; never empty. */
    public List<MarketplaceOrders.RowError> errors() {
        return errors;
    }
}
