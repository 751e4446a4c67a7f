package dev.onshore.was.hotdeals;

import java.util.UUID;

/** The deal is over: nothing about it changes any more. */
public class HotDealOverException extends RuntimeException {

    HotDealOverException(UUID id) {
        super("hot deal " + id + " is over");
    }
}
