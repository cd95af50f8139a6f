package org.luvhive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** luvhive-cli keeps its layering (see {@link CliLayering}); the rules do fail on a broken layering. */
class CliLayeringTest {

    private static final String FIXTURE = "org.luvhive.layeringfixture";

    @Test
    void theCliKeepsItsLayering() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.luvhive.cli");
        assertThat(main.contain(LuvhiveCli.class)).as("the main classes were imported").isTrue();
        new CliLayering("org.luvhive.cli").all().check(main);
    }

    @Test
    void eachRuleFailsOnTheBrokenFixture() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);
        CliLayering layering = new CliLayering(FIXTURE);

        assertThat(violations(layering.noPackageCycles(), fixture))
                .contains("Cycle detected").contains("FixtureAlphaCommand").contains("FixtureExitCode");
        assertThat(violations(layering.supportIsTheBottomLayer(), fixture))
                .contains("FixtureSupport").contains("FixtureBetaCommand");
        assertThat(violations(layering.commandPackagesStandAlone(), fixture))
                .contains("FixtureAlphaCommand").contains("FixtureBetaCommand");
        assertThat(violations(layering.noCoreInternals(), fixture))
                .contains("FixtureAlphaCommand").contains("ConnectionBudget");
    }

    private static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
