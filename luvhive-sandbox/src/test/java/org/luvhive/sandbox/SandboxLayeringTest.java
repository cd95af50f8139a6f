package org.luvhive.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The panel is a part the sandbox mounts, never the other way round; nobody's internals are used. */
class SandboxLayeringTest {

    /** The module's own main classes only (scanning every jar for the package took seconds). */
    private final JavaClasses main = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void thePanelDoesNotKnowTheSandboxThatMountsIt() {
        assertThat(main.contain(Sandbox.class)).as("the main classes were imported").isTrue();
        noClasses().that().resideInAPackage("org.luvhive.sandbox.panel..")
                .should().dependOnClassesThat().resideInAPackage("org.luvhive.sandbox").check(main);
    }

    @Test
    void onlyPublicApisOfCoreBotAndTestkitAreUsed() {
        noClasses().that().resideInAPackage("org.luvhive.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.luvhive.core..internal..",
                        "org.luvhive.bot..internal..", "org.luvhive.testkit..internal..")
                .check(main);
    }
}
