package org.luvhive.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luvhive.core.testing.PackageLayers;

/**
 * luvhive-core keeps the layer order of docs/architecture.md: low to high, a package uses
 * only lower layers, never its siblings; no cycles; nobody uses another package's
 * {@code internal}. The rules themselves are shown failing in {@code PackageLayersTest}.
 */
class CoreLayeringTest {

    /** Low to high; "" is org.luvhive.core itself (LuvhiveException, Maintenance). */
    static final List<List<String>> LAYERS = List.of(
            List.of(""),
            List.of("config", "i18n"),
            List.of("db"),
            List.of("settings", "backup"),
            List.of("caches", "limits", "telegram", "dbops"),
            List.of("delivery"),
            List.of("update"),
            List.of("pipeline", "ui"),
            List.of("user"),
            List.of("chat"),
            List.of("match", "moderation"),
            List.of("premium"),
            List.of("admin"),
            List.of("bot"),
            List.of("ops"));

    @Test
    void coreKeepsItsLayers() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.luvhive.core");
        assertThat(main.contain(LuvhiveException.class)).as("the main classes were imported").isTrue();
        new PackageLayers("org.luvhive.core", LAYERS).all().check(main);
    }
}
