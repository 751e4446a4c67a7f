package dev.onshore.i18n.rates;

import java.util.List;

/** A rate file that cannot be imported; nothing of it was recorded. The message lists the problems with lines. */
public final class RateImportException extends RuntimeException {

    private final List<String> problems;

    RateImportException(List<String> problems) {
        super("Rate file rejected: " + String.join("; ", problems.subList(0, Math.min(problems.size(), 20)))
                + (problems.size() > 20 ? "; and " + (problems.size() - 20) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    RateImportException(String problem, Throwable cause) {
        super("Rate file rejected: " + problem, cause);
        this.problems = List.of(problem);
    }

    /** Every problem found, each naming its line where there is one; never null. */
    public List<String> problems() {
        return problems;
    }
}
