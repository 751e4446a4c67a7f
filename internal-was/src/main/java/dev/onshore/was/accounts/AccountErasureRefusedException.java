package dev.onshore.was.accounts;

/** The account cannot be erased yet: orders still open would lose their delivery address. */
public class AccountErasureRefusedException extends RuntimeException {

    private final int openOrders;

    public AccountErasureRefusedException(int openOrders) {
        super(openOrders + " open orders");
        this.openOrders = openOrders;
    }

    public int openOrders() {
        return openOrders;
    }
}
