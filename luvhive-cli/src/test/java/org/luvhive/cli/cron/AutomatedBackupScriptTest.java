package org.luvhive.cli.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/automated_backup.sh, the cron job, run for real by bash against a stand-in for
 * the luvhive command (LUVHIVE_CLI) whose behaviour each test chooses: the steps it runs,
 * the exit codes it passes on, and what the alert command receives. The luvhive commands
 * themselves are tested against PostgreSQL elsewhere.
 */
class AutomatedBackupScriptTest {

    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("scripts/automated_backup.sh");

    @TempDir
    Path dir;

    private Path calls;
    private Path alert;

    @BeforeEach
    void standIn() throws IOException {
        calls = dir.resolve("calls.txt");
        alert = dir.resolve("alert");
        Files.createDirectories(alert);
        executable("luvhive", """
                #!/usr/bin/env bash
                echo "$*" >> "$CALLS"
                case "$FAKE:$1 $2" in
                  ok:"backup create") printf '{\\n  "name" : "luvhive_backup_20261129_033000",\\n  "tables" : 3\\n}\\n' ;;
                  ok:"backup prune") echo "3 kept, 1 removed, 1.0 MiB freed." ;;
                  ok:*) echo "fine" ;;
                  db-down:*) echo "luvhive: cannot connect to database postgresql://bot:***@db:5432/luvhive: Connection refused" >&2; exit 4 ;;
                  jvm-dies:*) echo "Error occurred during initialization of VM" >&2; echo "Too small maximum heap" >&2; exit 1 ;;
                  silent:*) exit 137 ;;
                esac
                """);
        executable("fake-mail", """
                #!/usr/bin/env bash
                printf '%s\\n' "$@" > "$ALERT/argv"
                cat > "$ALERT/stdin"
                printf '%s' "$LUVHIVE_ALERT_MESSAGE" > "$ALERT/env"
                """);
    }

    @Test
    void sundaysRunCreateVerifyWithARestoreTestAndPrune() throws Exception {
        Run run = run("ok", "--restore-test");

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly(
                "backup create --json --lock-wait 30m",
                "backup verify luvhive_backup_20261129_033000 --restore-test",
                "backup prune --apply --lock-wait 30m");
        assertThat(run.output()).contains("created luvhive_backup_20261129_033000")
                .contains("verified luvhive_backup_20261129_033000 with a restore test")
                .contains("pruned: 3 kept, 1 removed");
        assertThat(alert.resolve("stdin")).doesNotExist();
    }

    @Test
    void aFailedStepStopsTheRunPassesItsExitCodeAndAlertsWithItsMessage() throws Exception {
        Run run = run("db-down");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(Files.readAllLines(calls)).containsExactly("backup create --json --lock-wait 30m");
        String message = Files.readString(alert.resolve("stdin")).strip();
        assertThat(message).contains("failed: create: luvhive: cannot connect to database")
                .doesNotContain("\n");
        assertThat(Files.readString(alert.resolve("env"))).isEqualTo(message);
    }

    @Test
    void theExampleMailCommandGetsTheMessageAsItsBodyNotAsAnotherRecipient() throws Exception {
        run("db-down");

        assertThat(Files.readAllLines(alert.resolve("argv")))
                .containsExactly("-s", "LuvHive backup FAILED", "ops@example.org");
    }

    @Test
    void aJvmThatDiesWithoutALuvhiveLineStillGivesTheAlertAReason() throws Exception {
        Run run = run("jvm-dies");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Files.readString(alert.resolve("stdin")))
                .contains("create: Error occurred during initialization of VM Too small maximum heap");
    }

    @Test
    void aRunKilledWithoutAnyOutputSaysSo() throws Exception {
        Run run = run("silent");

        assertThat(run.exitCode()).isEqualTo(137);
        assertThat(Files.readString(alert.resolve("stdin"))).contains("create: exit 137 with no error output");
    }

    @Test
    void anUnknownArgumentRunsNothing() throws Exception {
        Run run = run("ok", "--restore-tset");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("unknown argument '--restore-tset'");
        assertThat(calls).doesNotExist();
        assertThat(alert.resolve("stdin")).doesNotExist();
    }

    private Run run(String behaviour, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("LUVHIVE_CLI", dir.resolve("luvhive").toString(), "FAKE", behaviour,
                "CALLS", calls.toString(), "ALERT", alert.toString(),
                "LUVHIVE_ALERT_CMD", dir.resolve("fake-mail") + " -s 'LuvHive backup FAILED' ops@example.org"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private void executable(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private record Run(int exitCode, String output) {
    }
}
