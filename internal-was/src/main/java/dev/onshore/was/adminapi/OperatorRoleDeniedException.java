package dev.onshore.was.adminapi;

/** The operator the admin app acts for holds no role that may use this endpoint; nothing was done. */
public class OperatorRoleDeniedException extends RuntimeException {

    public OperatorRoleDeniedException() {
        super("The operator's roles do not allow this");
    }
}
