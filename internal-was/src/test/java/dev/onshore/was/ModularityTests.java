package dev.onshore.was;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

        assertThat(DOCS.resolve("components.puml")).exists();
        assertThat(DOCS.resolve("module-rates.puml")).exists();
        assertThat(Files.readString(DOCS.resolve("module-rates.adoc"))).contains("ExchangeRateDesk");
        assertThat(Files.readString(DOCS.resolve("module-catalog.adoc"))).contains("Events listened to")
                .contains("ExchangeRatesChanged");
    }
}
