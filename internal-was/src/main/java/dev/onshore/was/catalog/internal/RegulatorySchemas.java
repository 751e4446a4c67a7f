package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.RegulatoryViolation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What each market's regulator requires of a product before it may be sold there. A market without a schema
 * requires nothing. Kept in code (reviewed, versioned, tested) rather than in the database: a rule change is a
 * release, not an operator's edit.
 */
final class RegulatorySchemas {

    enum Kind {
        TEXT, DATE, INTEGER
    }

    /** @param expires for dates: the product stops being sellable on that day (in the market's zone) */
    record Rule(String name, Kind kind, @Nullable Pattern pattern, boolean expires) {
    }

    record Schema(String market, List<Rule> rules) {

        List<RegulatoryViolation> violations(Map<String, String> attributes) {
            var found = new ArrayList<RegulatoryViolation>();
            for (var name : attributes.keySet()) {
                if (rules.stream().noneMatch(rule -> rule.name().equals(name))) {
                    found.add(new RegulatoryViolation(name, "unknown"));
                }
            }
            for (var rule : rules) {
                var value = attributes.get(rule.name());
                if (value == null || value.isBlank()) {
                    found.add(new RegulatoryViolation(rule.name(), "required"));
                } else if (value.length() > MAX_LENGTH) {
                    found.add(new RegulatoryViolation(rule.name(), "tooLong"));
                } else if (!valid(rule, value.strip())) {
                    found.add(new RegulatoryViolation(rule.name(), switch (rule.kind()) {
                        case DATE -> "date";
                        case INTEGER -> "integer";
                        case TEXT -> "pattern";
                    }));
                }
            }
            return found;
        }

        /** Every rule satisfied and nothing expired on {@code today}. */
        boolean satisfiedBy(@Nullable Map<String, String> attributes, LocalDate today) {
            if (rules.isEmpty()) {
                return true;
            }
            if (attributes == null || !violations(attributes).isEmpty()) {
                return false;
            }
            return rules.stream().filter(Rule::expires)
                    .allMatch(rule -> LocalDate.parse(attributes.get(rule.name()).strip()).isAfter(today));
        }

        private static boolean valid(Rule rule, String value) {
            return switch (rule.kind()) {
                case TEXT -> rule.pattern() == null || rule.pattern().matcher(value).matches();
                case INTEGER -> value.matches("[1-9][0-9]{0,5}");
                case DATE -> {
                    try {
                        LocalDate.parse(value);
                        yield true;
                    } catch (DateTimeParseException e) {
                        yield false;
                    }
                }
            };
        }
    }

    static final int MAX_LENGTH = 2000;

    private static final Pattern FREE_TEXT = Pattern.compile("(?s)[^\\p{Cc}&&[^\\n\\t]]{1,2000}");

    /**
     * ID: BPOM registration (processed food "MD"/"ML" + 12-15 digits, or supplement/traditional "POM SD|SI|SL|TR|TI"
     * + 9-10 digits) and a BPJPH halal certificate (ID + 14-20 digits) with its expiry. US: the supplement facts
     * panel. CN: the entry of the cross-border e-commerce retail import positive list (HS code).
     */
    static final Map<String, Schema> BY_MARKET = Map.of(
            "ID", new Schema("ID", List.of(
                    new Rule("bpomNumber", Kind.TEXT,
                            Pattern.compile("(?:(?:MD|ML) ?[0-9]{12,15}|POM ?(?:SD|SI|SL|TR|TI) ?[0-9]{9,10})"), false),
                    new Rule("halalCertificate", Kind.TEXT, Pattern.compile("ID[0-9]{14,20}"), false),
                    new Rule("halalExpiry", Kind.DATE, null, true))),
            "US", new Schema("US", List.of(
                    new Rule("servingSize", Kind.TEXT, FREE_TEXT, false),
                    new Rule("servingsPerContainer", Kind.INTEGER, null, false),
                    new Rule("supplementFacts", Kind.TEXT, FREE_TEXT, false))),
            "CN", new Schema("CN", List.of(
                    new Rule("hsCode", Kind.TEXT, Pattern.compile("[0-9]{4}\\.[0-9]{2}(?:\\.[0-9]{2}){1,2}"), false),
                    new Rule("positiveListEntry", Kind.TEXT, Pattern.compile("[0-9]{1,4}"), false))));

    private static final Schema NONE = new Schema("", List.of());

    private RegulatorySchemas() {
    }

    static Schema of(String market) {
        return BY_MARKET.getOrDefault(market, NONE);
    }
}
