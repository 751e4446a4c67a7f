package dev.onshore.was.checkout.web;

/** A request whose JSON is missing a field or cannot be read; 400. */
class InvalidRequestException extends RuntimeException {

    private final String field;

    InvalidRequestException(String field) {
        super("Missing or invalid: " + field);
        this.field = field;
    }

    String field() {
        return field;
    }
}
