package org.luvhive.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of {@link PackageLayers} fails on a fixture that breaks it (org.luvhive.fixture.layers). */
class PackageLayersTest {

    private static final String FIXTURE = "org.luvhive.fixture.layers";

    private final JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);
    private final PackageLayers layers = new PackageLayers(FIXTURE, List.of(List.of("low"), List.of("other"),
            List.of("high")));

    @Test
    void aLowLayerUsingAHigherOneFails() {
        assertThat(violations(layers.layerOrder())).contains("layers.low (layer 0) uses")
                .contains("layers.high (layer 2)").doesNotContain("layers.high (layer 2) uses");
    }

    @Test
    void aCycleFails() {
        assertThat(violations(layers.noCycles())).contains("Cycle detected").contains("Low").contains("High");
    }

    @Test
    void usingAnotherPackagesInternalsFails() {
        assertThat(violations(layers.internalsStayInside())).contains("layers.high uses")
                .contains("other's internal package").contains("Hidden");
    }

    @Test
    void aPackageOutsideTheTableFails() {
        assertThat(violations(layers.everyPackageHasALayer())).contains("Stray").contains("does not place");
    }

    private String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixture);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
