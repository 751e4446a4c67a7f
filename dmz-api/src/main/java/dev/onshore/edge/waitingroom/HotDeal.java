package dev.onshore.edge.waitingroom;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A hot deal as internal-was announces it.
 *
 * @param id the deal's id (letters, digits, dashes), part of Redis keys, cookies and URLs
 * @param paths path patterns of the deal's pages, gated while the room is open
 * @param checkoutPaths path patterns of the deal's checkout: a POST there spends the pass
 * @param startsAt when admission starts
 * @param endsAt when the deal (and the gate) ends
 * @param admissionsPerMinute how many tickets are admitted per minute
 * @param units units on sale
 * @param soldOut internal-was says no unit is left
 */
record HotDeal(String id, List<String> paths, List<String> checkoutPaths, Instant startsAt, Instant endsAt,
        int admissionsPerMinute, int units, boolean soldOut, List<PathPattern> pagePatterns,
        List<PathPattern> checkoutPatterns) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    HotDeal {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("deal id must be 1-64 letters, digits or dashes");
        }
        if (admissionsPerMinute <= 0 || units < 0 || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("deal " + id + " has no admission rate, negative units or no window");
        }
        paths = List.copyOf(paths);
        checkoutPaths = List.copyOf(checkoutPaths);
    }

    HotDeal(String id, List<String> paths, List<String> checkoutPaths, Instant startsAt, Instant endsAt,
            int admissionsPerMinute, int units, boolean soldOut) {
        this(id, paths, checkoutPaths, startsAt, endsAt, admissionsPerMinute, units, soldOut, parse(paths),
                parse(checkoutPaths));
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** Whether the gate is up at {@code now}: from {@code opensBefore} the start until the end. */
    boolean gates(Instant now, java.time.Duration opensBefore) {
        return !now.isBefore(startsAt.minus(opensBefore)) && now.isBefore(endsAt);
    }

    boolean isCheckout(PathContainer path) {
        return checkoutPatterns.stream().anyMatch(p -> p.matches(path));
    }

    boolean isGated(PathContainer path) {
        return isCheckout(path) || pagePatterns.stream().anyMatch(p -> p.matches(path));
    }
}
