package dev.onshore.was.pii;

/**
 * A stored value that cannot be decrypted: not in the encrypted format, under a key the key file does not list, or
 * altered (the authentication tag does not match). The message never contains the value.
 */
class PiiDecryptionException extends RuntimeException {

    PiiDecryptionException(String message) {
        super(message);
    }

    PiiDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
