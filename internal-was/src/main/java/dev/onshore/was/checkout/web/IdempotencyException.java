package dev.onshore.was.checkout.web;

/** An {@code Idempotency-Key} problem: {@code missing} (400), {@code mismatch} (422), {@code running} (409). */
class IdempotencyException extends RuntimeException {

    private final String kind;

    IdempotencyException(String kind) {
        super("Idempotency key " + kind);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }
}
