package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(InternalWasApplication.class);

    /** Generated, so cleaned and rewritten on every build; the hand-written README.md sits one folder up. */
    static final Path DOCS = Path.of("..", "docs", "architecture", "modulith").toAbsolutePath().normalize();

    @Test
    void areasOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void exchangeRatesAreAnAreaOfTheirOwnThatTheCatalogFollowsOnlyThroughItsEvent() {
        var rates = MODULES.getModuleByName("rates").orElseThrow();
        var catalog = MODULES.getModuleByName("catalog").orElseThrow();

        assertThat(rates.getDirectDependencies(MODULES).uniqueModules()).doesNotContain(catalog);
        var onRates = catalog.getDirectDependencies(MODULES).stream()
                .filter(dependency -> dependency.getTargetModule().equals(rates)).toList();
        assertThat(onRates).extracting(dependency -> dependency.getTargetType().getSimpleName())
                .containsOnly("ExchangeRatesChanged");
        assertThat(onRates).extracting(dependency -> dependency.getDependencyType())
                .contains(DependencyType.EVENT_LISTENER);
    }

    @Test
    void writesTheModuleCanvasesAndComponentDiagramsToTheRepositorysDocs() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
        try (var files = Files.list(DOCS)) {
            for (var file : files.toList()) {
                Files.write(file, inStableOrder(Files.readAllLines(file)));
            }
        }

        assertThat(DOCS.resolve("components.puml")).exists();
        assertThat(DOCS.resolve("module-rates.puml")).exists();
        assertThat(Files.readString(DOCS.resolve("module-rates.adoc"))).contains("ExchangeRateDesk");
        assertThat(Files.readString(DOCS.resolve("module-catalog.adoc"))).contains("Events listened to")
                .contains("ExchangeRatesChanged");
    }

    /**
     * The Documenter lists components, relations, beans and listened-to events in hash order: sorted here (each run of
     * {@code Component(} and of {@code Rel(} lines, each list of a canvas cell, whose first item follows the cell's
     * {@code |}), so that the committed files change only when the modules do. A listener of events no other module
     * sees is rendered as an empty line amid the list of events listened to, wherever the hash order puts it: such
     * empty lines go to the end of their list.
     */
    static List<String> inStableOrder(List<String> lines) {
        var result = new ArrayList<String>(lines.size());
        var run = new ArrayList<String>();
        var empties = 0;
        var cell = false;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.isEmpty() && !run.isEmpty() && kind(run.getFirst()) == BULLET) {
                var next = i;
                while (next < lines.size() && lines.get(next).isEmpty()) {
                    next++;
                }
                if (next < lines.size() && kind(lines.get(next)) == BULLET) {
                    empties += next - i;
                    i = next - 1;
                    continue;
                }
            }
            var item = line.startsWith("|* `") ? line.substring(1) : line;
            var continues = !run.isEmpty() && !line.startsWith("|") && kind(run.getFirst()) == kind(item);
            if (!continues && !run.isEmpty()) {
                flush(run, cell, empties, result);
                empties = 0;
            }
            if (kind(item) != 0) {
                cell = run.isEmpty() ? line.startsWith("|") : cell;
                run.add(item);
            } else {
                result.add(line);
            }
        }
        flush(run, cell, empties, result);
        return result;
    }

    private static final int BULLET = 2;

    private static int kind(String line) {
        return line.startsWith("Rel(") ? 1 : line.startsWith("* `") ? BULLET
                : line.stripLeading().startsWith("Component(") ? 3 : 0;
    }

    private static void flush(List<String> run, boolean cell, int empties, List<String> result) {
        if (run.isEmpty()) {
            return;
        }
        run.sort(null);
        result.add(cell ? "|" + run.getFirst() : run.getFirst());
        result.addAll(run.subList(1, run.size()));
        result.addAll(Collections.nCopies(empties, ""));
        run.clear();
    }

    @Test
    void documentationListsAreSortedWithoutLosingALine() {
        assertThat(inStableOrder(List.of("a", "Rel(b", "Rel(a", "x", "* `z`", "* `y`", "|* `q`", "* `c`", "|===")))
                .containsExactly("a", "Rel(a", "Rel(b", "x", "* `y`", "* `z`", "|* `c`", "* `q`", "|===");
    }

    @Test
    void anEmptyEntryAmidAListOfEventsGoesToItsEndWhereverTheDocumenterPutIt() {
        var one = List.of("|Events listened to", "|* `b` ", "", "* `a` (async) ", "* `c` ", "", "|===");
        var other = List.of("|Events listened to", "|* `c` ", "* `a` (async) ", "", "* `b` ", "", "|===");

        assertThat(inStableOrder(one)).isEqualTo(inStableOrder(other)).containsExactly("|Events listened to",
                "|* `a` (async) ", "* `b` ", "* `c` ", "", "", "|===");
        assertThat(inStableOrder(List.of("  {", "    Component(b", "    Component(a", "  }")))
                .containsExactly("  {", "    Component(a", "    Component(b", "  }");
    }
}
