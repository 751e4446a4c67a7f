package dev.onshore.i18n;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Lists, at the end of the run, every test that did not run and why (a disabled test, a failed assumption such as
 * an absent GeoIP database), grouped by reason; Surefire's own summary only counts them. Registered through
 * META-INF/services, so it applies to every test run of this module.
 */
public class SkippedTestsSummary implements TestExecutionListener {

    private final List<String[]> skipped = new CopyOnWriteArrayList<>();

    private volatile TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        skipped.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(new String[] {reason, name(test)});
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.add(new String[] {result.getThrowable().map(Throwable::getMessage).orElse("aborted"), name(test)});
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (skipped.isEmpty()) {
            return;
        }
        Map<String, List<String>> byReason = new TreeMap<>();
        for (var entry : skipped) {
            byReason.computeIfAbsent(entry[0], reason -> new CopyOnWriteArrayList<>()).add(entry[1]);
        }
        var summary = new StringBuilder("Skipped tests (" + skipped.size() + "), by reason:");
        byReason.forEach((reason, tests) -> summary.append("\n  SKIPPED ").append(tests.size()).append(": ")
                .append(reason).append("\n    ").append(String.join("\n    ", tests)));
        System.out.println(summary);
    }

    private String name(TestIdentifier test) {
        var current = plan;
        var parent = current == null ? null : current.getParent(test).map(TestIdentifier::getDisplayName).orElse(null);
        return parent == null ? test.getDisplayName() : parent + " " + test.getDisplayName();
    }
}
