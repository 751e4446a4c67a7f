package dev.onshore.was.catalog;

/**
 * One thing wrong with what an operator sent.
 *
 * @param field the field as the operator sent it ({@code file}, {@code alt.id})
 * @param code a stable code: {@code required}, {@code pattern}, {@code format}, {@code tooLarge}, {@code tooMany},
 *     {@code tooLong}, {@code unknown}, {@code duplicate}, {@code range}, {@code positive}, {@code unchanged}
 */
public record InputViolation(String field, String code) {
}
