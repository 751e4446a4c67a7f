package dev.onshore.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core (the script only, from its Maven Central artifact) run inside the page a browser shows: the
 * accessibility rules of WCAG 2.x A/AA and best practices, as the browser rendered the page, and WCAG 2.2's
 * {@code target-size} (24 by 24 CSS pixels, or that much room around), which axe leaves off unless asked.
 */
final class Axe {

    private static final String SCRIPT = load();

    private Axe() {
    }

    /** One violated rule: its id, impact ({@code minor} … {@code critical}), help text and the offending nodes. */
    record Violation(String id, String impact, String help, List<String> targets) {

        boolean seriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + id + " (" + help + ") at " + targets;
        }
    }

    /** Runs axe-core on the page {@code browser} shows now and returns every violation. */
    @SuppressWarnings("unchecked")
    static List<Violation> violations(WebDriver browser) {
        var js = (JavascriptExecutor) browser;
        js.executeScript(SCRIPT);
        var result = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || 'minor', help: v.help,
                        targets: v.nodes.map(n => n.target.join(' '))}))))
                   .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
                """);
        return result.stream().map(v -> new Violation((String) v.get("id"), (String) v.get("impact"),
                (String) v.get("help"), (List<String>) v.get("targets"))).toList();
    }

    private static String load() {
        try (var in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the test classpath "
                        + "(com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
