package org.luvhive.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxOptionsTest {
    private static final Path USER_HOME = Path.of("/home/someone");

    @Test
    void defaultsAreAPagePortAndAHomeOfItsOwn() throws Exception {
        SandboxOptions options = SandboxOptions.parse(Map.of(), USER_HOME);

        assertThat(options.port()).isEqualTo(8081);
        assertThat(options.home()).isEqualTo(USER_HOME.resolve(".luvhive-sandbox"));
        assertThat(options.databaseUrl()).isEmpty();
        assertThat(SandboxOptions.parse(Map.of("LUVHIVE_SANDBOX_HOME", "/tmp/sb"), USER_HOME, "--port", "0").home())
                .isEqualTo(Path.of("/tmp/sb"));
    }

    @Test
    void productionKeysInTheEnvironmentNeverReachTheSandboxedBot() throws Exception {
        Map<String, String> environment = Map.of("DATABASE_URL", "postgresql://prod.example.org/luvhive",
                "LUVHIVE_HOME", "/srv/luvhive", "LUVHIVE_ENV_FILE", "/srv/luvhive/luvhive.env",
                "BOT_TOKEN", "777:RealProductionTokenXXXXXXXXXXXXXXXXXXXXX", "SECRET_TOKEN", "prod-secret",
                "EXTERNAL_URL", "https://bot.example.org", "ADMIN_IDS", "42", "PORT", "9090");

        Map<String, String> bot = SandboxOptions.parse(environment, USER_HOME).botEnvironment(environment);

        assertThat(bot).doesNotContainKeys("DATABASE_URL", "LUVHIVE_HOME", "LUVHIVE_ENV_FILE", "SECRET_TOKEN",
                "EXTERNAL_URL");
        assertThat(bot).containsEntry("ADMIN_IDS", "42").containsEntry("PORT", "9090")
                .containsEntry("BOT_TOKEN", Sandbox.DEFAULT_TOKEN);
        assertThat(SandboxOptions.parse(environment, USER_HOME, "--database-url", "postgresql://localhost/empty")
                .botEnvironment(environment)).containsEntry("DATABASE_URL", "postgresql://localhost/empty");
        assertThat(SandboxOptions.parse(environment, USER_HOME, "--database-url", "x").databaseUrl())
                .isEqualTo(Optional.of("x"));
    }

    @Test
    void badUsageIsOneLine() {
        assertThatThrownBy(() -> SandboxOptions.parse(Map.of(), USER_HOME, "--port", "70000"))
                .hasMessage("--port must be 0..65535, was 70000");
        assertThatThrownBy(() -> SandboxOptions.parse(Map.of(), USER_HOME, "--port", "http"))
                .hasMessage("--port needs a number, was \"http\"");
        assertThatThrownBy(() -> SandboxOptions.parse(Map.of(), USER_HOME, "--port"))
                .hasMessage("--port needs a value (try --help)");
        assertThatThrownBy(() -> SandboxOptions.parse(Map.of(), USER_HOME, "--verbose"))
                .hasMessage("unknown argument --verbose (try --help)");
    }
}
