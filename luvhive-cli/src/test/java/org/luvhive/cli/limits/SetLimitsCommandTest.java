package org.luvhive.cli.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class SetLimitsCommandTest {

    @TempDir
    Path home;

    private final TestDatabase database;
    private final Map<String, String> environment = new HashMap<>();

    SetLimitsCommandTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void clean() {
        database.jdbi().useHandle(handle -> handle.execute("delete from ops_settings"));
        environment.putAll(database.environment());
        environment.put("USER", "oncall");
    }

    private CliRun run(String... args) {
        return CliRun.run(environment, home, args);
    }

    @Test
    void withNothingStoredTheNormalProfileApplies() {
        CliRun run = run("limits");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Stored:    nothing (the normal profile applies)")
                .contains("Applied:   normal (per user 1.5/s burst 5, global 15/s burst 15");
    }

    @Test
    void profileIsStoredWithWhoAndShown() throws Exception {
        CliRun set = run("set-limits", "--profile", "crisis");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).startsWith("Limits set to crisis (per user 0.5/s burst 3, global 5/s burst 5");
        CliRun shown = run("limits", "--json");
        JsonNode json = new ObjectMapper().readTree(shown.out());
        assertThat(json.at("/stored/profile").asText()).isEqualTo("crisis");
        assertThat(json.at("/stored/updated_by").asText()).isEqualTo("oncall@cli");
        assertThat(json.at("/applied/global").asDouble()).isEqualTo(5.0);
        assertThat(json.at("/effective/sends_global/per_second").asDouble()).isEqualTo(5.0);
        assertThat(json.at("/effective/sends_per_private_chat/per_second").asDouble()).isEqualTo(0.5);
    }

    @Test
    void customValuesKeepWhatIsNotGiven() {
        run("set-limits", "--profile", "high");

        CliRun set = run("set-limits", "--global", "20", "--global-burst", "10");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("custom (per user 1/s burst 5, global 20/s burst 10");
    }

    @Test
    void aGlobalRateAboveTelegramsIsRefusedUnlessForced() {
        CliRun refused = run("set-limits", "--global", "45");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("above Telegram's 30/s");
        assertThat(run("limits").out()).contains("Stored:    nothing");

        CliRun forced = run("set-limits", "--global", "45", "--global-burst", "45", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("forced");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--per-user 0            | per-user rate must be above zero",
            "--per-user -1           | per-user rate must be above zero",
            "--per-user 1e-300       | per-user rate 1.0E-300/s is under the floor of 0.1/s",
            "--per-user 0.09         | per-user rate 0.09/s is under the floor of 0.1/s",
            "--global 0.5            | global rate 0.5/s is under the floor of 1/s",
            "--global abc            | Invalid value for option '--global'",
            "--global 2000 --force   | over the hard ceiling",
            "--per-user-burst 0      | per-user burst must be between 1",
            "--profile turbo         | unknown profile 'turbo'",
            "--profile high --global 3 | mutually exclusive"})
    void invalidValuesAreRefusedWithExitCode2(String arguments, String message) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("set-limits"));
        args.addAll(java.util.List.of(arguments.strip().split("\\s+")));

        CliRun run = run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).as("the reason, in one line").contains(message);
        assertThat(run("limits").out()).contains("Stored:    nothing");
    }
}
