package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luvhive.core.testing.PackageLayers;

/**
 * luvhive-bot keeps the layer order of docs/architecture.md: the maintenance scheduler and
 * the HTTP server at the bottom, the intake above them, the composition root (the root
 * package) on top; no cycles; no core {@code internal} package used. The rules themselves
 * are shown failing in core's {@code PackageLayersTest}.
 */
class BotLayeringTest {

    /** Low to high; "" is org.luvhive.bot itself (BotMain, BotApplication). */
    static final List<List<String>> LAYERS = List.of(
            List.of("maintenance", "http"),
            List.of("intake"),
            List.of(""));

    @Test
    void theRunnerKeepsItsLayers() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.luvhive.bot");
        assertThat(main.contain(BotMain.class)).as("the main classes were imported").isTrue();
        new PackageLayers("org.luvhive.bot", LAYERS).all().check(main);
    }
}
