package dev.onshore.was.catalog;

import java.util.regex.Pattern;

/**
 * The operator on whose behalf a change is made: their username in the operators realm. The admin app states it on
 * every call with its service token; only the admin API, which only service accounts may call, accepts it.
 */
public record Operator(String name) {

    private static final Pattern FORMAT = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,80}");

    public Operator {
        if (name == null || !FORMAT.matcher(name).matches()) {
            throw new IllegalArgumentException("An operator is 1 to 80 letters, digits and ._@+-: " + name);
        }
    }

    /** The operator for user input, or null when it cannot be one. */
    public static @org.jspecify.annotations.Nullable Operator parseOrNull(@org.jspecify.annotations.Nullable String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches() ? new Operator(candidate) : null;
    }

    @Override
    public String toString() {
        return name;
    }
}
