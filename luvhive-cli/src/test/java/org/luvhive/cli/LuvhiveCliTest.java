package org.luvhive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuvhiveCliTest {

    @TempDir
    Path home;

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = CliRun.run(Map.of(), home, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: luvhive").contains("db").contains("Exit codes:")
                .containsPattern("\\n +4 +database unreachable");
    }

    @Test
    void aCommandsHelpListsTheExitCodesItCanEndWith() {
        CliRun run = CliRun.run(Map.of(), home, "backup", "create", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").containsPattern("\\n  10 +another backup run holds the backup lock")
                .containsPattern("\\n  15 +pg_dump failed").doesNotContain("restore target exists");
    }

    @Test
    void theBackupGroupSummarisesEachCommandInOneCompleteLine() {
        CliRun run = CliRun.run(Map.of(), home, "backup", "--help");

        assertThat(run.out()).contains("verify   Prove a backup sound").doesNotContain("pg_restore;");
    }

    @Test
    void versionNamesTheBuild() {
        CliRun run = CliRun.run(Map.of(), home, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("luvhive 0.");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.run(Map.of(), home);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a command is required");
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.run(Map.of(), home, "db", "inf");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument").contains("info").contains("Try 'luvhive db --help'");
    }

    @Test
    void invalidConfigurationPrintsOneLinePerKeyAndExits3() {
        CliRun run = CliRun.run(Map.of("PORT", "abc", "DATABASE_URL", "mysql://root:hunter2@h/db"), home, "db", "info");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactlyInAnyOrder(
                "luvhive: configuration: DATABASE_URL: must start with postgresql://, postgres:// or jdbc:postgresql:// "
                        + "(e.g. postgresql://user:pass@host:5432/luvhive)",
                "luvhive: configuration: PORT: must be a whole number, not 'abc'");
        assertThat(run.err()).doesNotContain("hunter2");
    }

    @Test
    void unreachableDatabaseIsOneLineAndExit4WithoutStackTrace() throws Exception {
        int closedPort = closedPort();
        Map<String, String> environment = Map.of("DATABASE_URL",
                "postgresql://bot:never-printed@127.0.0.1:" + closedPort + "/luvhive");

        CliRun run = CliRun.run(environment, home, "db", "info");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("luvhive: cannot connect to database postgresql://bot:***@127.0.0.1:" + closedPort + "/luvhive")
                .doesNotContain("never-printed");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        int closedPort = closedPort();
        Map<String, String> environment = Map.of("DATABASE_URL",
                "postgresql://bot:never-printed@127.0.0.1:" + closedPort + "/luvhive");

        CliRun run = CliRun.run(environment, home, "db", "info", "--verbose");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("DatabaseUnavailableException").contains("\tat ").doesNotContain("never-printed");
    }

    @Test
    void withJsonAFailureIsAJsonObjectOnStdoutToo() throws Exception {
        int closedPort = closedPort();
        Map<String, String> environment = Map.of("DATABASE_URL",
                "postgresql://bot:never-printed@127.0.0.1:" + closedPort + "/luvhive");

        CliRun run = CliRun.run(environment, home, "db", "info", "--json");

        assertThat(run.exitCode()).isEqualTo(4);
        JsonNode error = new ObjectMapper().readTree(run.out());
        assertThat(error.get("exit_code").asInt()).isEqualTo(4);
        assertThat(error.get("exit_reason").asText()).isEqualTo("database unreachable, refused the login, or gone (dropped or lost: the message says so)");
        assertThat(error.get("error").asText()).startsWith("cannot connect to database postgresql://bot:***@")
                .doesNotContain("never-printed");
    }

    @Test
    void withJsonAUsageErrorIsAJsonObjectOnStdoutToo() throws Exception {
        CliRun run = CliRun.run(Map.of(), home, "backup", "list", "--json", "--newest-first");

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode error = new ObjectMapper().readTree(run.out());
        assertThat(error.get("exit_code").asInt()).isEqualTo(2);
        assertThat(error.get("error").asText()).contains("--newest-first");
    }

    /** A local port nothing listens on (it was free a moment ago). */
    private static int closedPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
