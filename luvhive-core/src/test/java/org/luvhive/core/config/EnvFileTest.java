package org.luvhive.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvFileTest {

    private static final Path FILE = Path.of("/etc/luvhive.env");

    @Test
    void readsPlainExportedAndQuotedValues() {
        var entries = EnvFile.parse(FILE, List.of(
                "# comment",
                "",
                "A=1",
                "export B = two words ",
                "C=\"quoted = value\"",
                "D='single'",
                "E=",
                "F=a=b"));

        assertThat(entries).containsExactly(
                java.util.Map.entry("A", "1"),
                java.util.Map.entry("B", "two words"),
                java.util.Map.entry("C", "quoted = value"),
                java.util.Map.entry("D", "single"),
                java.util.Map.entry("E", ""),
                java.util.Map.entry("F", "a=b"));
    }

    @Test
    void reportsEveryBadLineByNumber() {
        assertThatThrownBy(() -> EnvFile.parse(FILE, List.of("OK=1", "=nokey", "1BAD=x", "no equals")))
                .isInstanceOf(ConfigException.class)
                .satisfies(failure -> assertThat(((ConfigException) failure).problems()).containsExactly(
                        "LUVHIVE_ENV_FILE: /etc/luvhive.env line 2 is not KEY=VALUE",
                        "LUVHIVE_ENV_FILE: /etc/luvhive.env line 3 is not KEY=VALUE",
                        "LUVHIVE_ENV_FILE: /etc/luvhive.env line 4 is not KEY=VALUE"));
    }
}
