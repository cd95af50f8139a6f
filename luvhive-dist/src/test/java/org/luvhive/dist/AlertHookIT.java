package org.luvhive.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/luvhive-alert, the program luvhive-alert@.service runs when a LuvHive unit fails:
 * the operator's LUVHIVE_ALERT_CMD gets a message naming the unit, the host and how it
 * ended (from systemd's MONITOR_* variables), on stdin and in LUVHIVE_ALERT_MESSAGE.
 */
class AlertHookIT {

    @TempDir
    static Path root;

    private static Path alert;

    @BeforeAll
    static void install() throws Exception {
        alert = UnpackedRelease.into(root.resolve("opt")).resolve("bin/luvhive-alert");
    }

    @Test
    void theAlertCommandGetsTheUnitAndHowItEnded() throws Exception {
        Path stdin = root.resolve("stdin.txt");
        Path variable = root.resolve("variable.txt");
        Map<String, String> environment = environment();
        environment.put("MONITOR_SERVICE_RESULT", "exit-code");
        environment.put("MONITOR_EXIT_CODE", "exited");
        environment.put("MONITOR_EXIT_STATUS", "12");
        environment.put("LUVHIVE_ALERT_CMD", "cat > '" + stdin + "'; printf '%s' \"$LUVHIVE_ALERT_MESSAGE\" > '"
                + variable + "'");

        Commands.Result run = run(environment, "luvhive-backup.service");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        String firstLine = "luvhive: luvhive-backup.service failed on " + host + " (exit-code, exited 12)";
        assertThat(Files.readString(stdin)).startsWith(firstLine);
        assertThat(Files.readString(variable)).startsWith(firstLine);
        assertThat(run.out()).startsWith(firstLine); // and in the journal
    }

    @Test
    void theAlertCommandsFailureIsTheHooksFailure() throws Exception {
        Map<String, String> environment = environment();
        environment.put("LUVHIVE_ALERT_CMD", "exit 7");

        assertThat(run(environment, "luvhive-bot.service").exitCode()).isEqualTo(7);
    }

    @Test
    void withoutAnAlertCommandTheMessageGoesToTheJournalOnly() throws Exception {
        Commands.Result run = run(environment(), "luvhive-bot.service");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("luvhive: luvhive-bot.service failed on ");
        assertThat(run.err()).contains("LUVHIVE_ALERT_CMD is not set");
    }

    @Test
    void aMissingUnitIsBadUsage() throws Exception {
        Commands.Result run = Commands.run(List.of(alert.toString()), root, environment(), Duration.ofSeconds(30));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("usage: luvhive-alert UNIT");
    }

    private static Commands.Result run(Map<String, String> environment, String unit) throws Exception {
        return Commands.run(List.of(alert.toString(), unit), root, environment, Duration.ofSeconds(30));
    }

    private static Map<String, String> environment() {
        return new HashMap<>(Map.of("PATH", Commands.SYSTEM_PATH, "HOME", root.toString()));
    }
}
