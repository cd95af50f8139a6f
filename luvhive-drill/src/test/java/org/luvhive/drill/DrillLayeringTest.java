package org.luvhive.drill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luvhive.core.testing.PackageLayers;

/**
 * Low to high: runbook (RUNBOOK.md read), world (what a drill runs in), run (a drill and its
 * report) beside chaos (the adversarial run, on world alone), drills (one class per emergency), the entry point. No cycles; nobody's
 * internals used.
 */
class DrillLayeringTest {

    static final List<List<String>> LAYERS = List.of(
            List.of("runbook"),
            List.of("world"),
            List.of("run", "chaos"),
            List.of("drills"),
            List.of(""));

    /** The module's own main classes only. */
    private final JavaClasses main = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theDrillsKeepTheirLayers() {
        assertThat(main.contain(DrillMain.class)).as("the main classes were imported").isTrue();
        new PackageLayers("org.luvhive.drill", LAYERS).all().check(main);
    }

    @Test
    void onlyPublicApisAreUsed() {
        noClasses().that().resideInAPackage("org.luvhive.drill..")
                .should().dependOnClassesThat().resideInAnyPackage("org.luvhive.core..internal..",
                        "org.luvhive.bot..internal..", "org.luvhive.cli..internal..", "org.luvhive.testkit..internal..")
                .check(main);
    }
}
