package dev.onshore.was.accounts.realm;

import org.jspecify.annotations.Nullable;

/** Keycloak could not be reached or refused the call; the caller retries later. */
public class ShopperRealmUnavailableException extends RuntimeException {

    ShopperRealmUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
