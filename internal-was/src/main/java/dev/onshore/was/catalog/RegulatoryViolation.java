package dev.onshore.was.catalog;

/**
 * One thing wrong with submitted regulatory data.
 *
 * @param field the attribute name ({@code bpomNumber}) as the operator submitted it
 * @param code a stable code: {@code required}, {@code pattern}, {@code date}, {@code integer}, {@code unknown},
 *     {@code tooLong}
 */
public record RegulatoryViolation(String field, String code) {
}
