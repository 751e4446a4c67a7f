package dev.onshore.was.orders;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What operators search orders by; every criterion is optional.
 *
 * @param placedFrom inclusive
 * @param placedUntil exclusive
 * @param page from 0
 * @param size 1 to 200
 */
public record OrderQuery(@Nullable String market, @Nullable OrderStatus status, @Nullable PaymentState payment,
        @Nullable Instant placedFrom, @Nullable Instant placedUntil, int page, int size) {

    public OrderQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("size must be 1 to 200");
        }
    }
}
