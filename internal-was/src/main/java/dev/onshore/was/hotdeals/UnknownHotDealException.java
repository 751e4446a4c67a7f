package dev.onshore.was.hotdeals;

import java.util.UUID;

/** No hot deal has this id. */
public class UnknownHotDealException extends RuntimeException {

    UnknownHotDealException(UUID id) {
        super("unknown hot deal " + id);
    }
}
