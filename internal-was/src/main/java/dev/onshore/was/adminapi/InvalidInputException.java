package dev.onshore.was.adminapi;

import java.util.List;

/** A request to the admin API that cannot be carried out as sent; nothing was changed. */
public class InvalidInputException extends RuntimeException {

    /**
     * @param field the request field, parameter or header as the client named it
     * @param code a stable code: {@code required}, {@code pattern}, {@code positive}, {@code tooLong},
     *     {@code unknown}, {@code format}, {@code tooLarge}, {@code tooMany}, {@code duplicate}, {@code range}
     */
    public record Problem(String field, String code) {
    }

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super("Invalid input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String code) {
        this(List.of(new Problem(field, code)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
