package dev.onshore.edge.redis;

/** Redis did not answer (or the edge stopped asking it for a moment after it did not); the caller's policy applies. */
public final class RedisUnavailableException extends RuntimeException {

    RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    RedisUnavailableException(String message) {
        super(message);
    }
}
