package org.luvhive.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.bot.RunnerSettings;

/**
 * The systemd units in the release archive (ops/systemd), checked by systemd itself:
 * {@code systemd-analyze verify} with their ExecStart paths pointed from /opt/luvhive at the
 * unpacked archive (so every program they start must exist there), and
 * {@code systemd-analyze security} for the sandbox. Needs Debian's systemd package
 * (scripts/test installs it as root); skipped with a message where it is missing.
 */
class SystemdUnitsIT {

    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    /** Keys of systemd 254 that older versions report as unknown and ignore (the restart back-off). */
    private static final List<String> NEWER_KEYS = List.of("RestartSteps", "RestartMaxDelaySec");

    @TempDir
    static Path root;

    private static UnpackedRelease release;
    private static Path units;

    @BeforeAll
    static void installUnits() throws Exception {
        release = UnpackedRelease.into(root.resolve("opt"));
        units = Files.createDirectories(root.resolve("system"));
        try (Stream<Path> files = Files.list(release.resolve("ops/systemd"))) {
            for (Path unit : files.toList()) {
                Files.writeString(units.resolve(unit.getFileName()), Files.readString(unit)
                        .replace("/opt/luvhive/", release.home() + "/"));
            }
        }
    }

    @Test
    void systemdVerifiesEveryUnit() throws Exception {
        assumeSystemd();
        List<String> command = new ArrayList<>(List.of(SYSTEMD_ANALYZE.toString(), "verify"));
        command.addAll(unitFiles());

        Commands.Result verify = analyze(command);

        List<String> problems = new ArrayList<>(verify.out().lines().toList());
        problems.addAll(verify.err().lines().toList());
        if (systemdVersion() < 254) {
            problems.removeIf(line -> NEWER_KEYS.stream().anyMatch(key -> line.endsWith("Unknown key '" + key
                    + "' in section [Service], ignoring.")));
        }
        assertThat(problems).as("systemd-analyze verify").isEmpty();
        assertThat(verify.exitCode()).isZero();
    }

    @Test
    void theServicesRunInASandbox() throws Exception {
        assumeSystemd();
        for (String unit : List.of("luvhive-bot.service", "luvhive-backup.service",
                "luvhive-backup-restore-test.service", "luvhive-backup-check.service")) {
            assertExposureAtMost(unit, 20); // 2.0 of 10: systemd calls up to 4.x "OK"
        }
        // the operator's alert command (mail's setgid queue program) needs a looser one
        assertExposureAtMost("luvhive-alert@.service", 30);
    }

    @Test
    void theBotsUnitWaitsForItsGracefulStop() throws Exception {
        String unit = Files.readString(units.resolve("luvhive-bot.service"));
        Matcher timeout = Pattern.compile("(?m)^TimeoutStopSec=(\\d+)s$").matcher(unit);
        assertThat(timeout.find()).as("TimeoutStopSec in seconds").isTrue();
        // the grace for work in flight, then the embedded PostgreSQL's stop and the JVM's exit
        Duration grace = RunnerSettings.defaults().shutdownGrace();
        assertThat(Duration.ofSeconds(Long.parseLong(timeout.group(1)))).isGreaterThanOrEqualTo(grace.plusSeconds(15));
        assertThat(unit).containsPattern("(?m)^KillMode=mixed$");
    }

    private static void assertExposureAtMost(String unit, int tenths) throws Exception {
        Commands.Result security = analyze(List.of(SYSTEMD_ANALYZE.toString(), "security", "--offline=true",
                "--threshold=" + tenths, units.resolve(unit).toString()));
        String summary = security.out().lines().filter(line -> line.contains("Overall exposure level")).findFirst()
                .orElse(security.out() + security.err());
        assertThat(security.exitCode()).as("%s: %s", unit, summary).isZero();
    }

    private static Commands.Result analyze(List<String> command) throws Exception {
        return Commands.run(command, units, Map.of("PATH", Commands.SYSTEM_PATH, "SYSTEMD_LOG_COLOR", "0",
                "SYSTEMD_COLORS", "0"), Duration.ofMinutes(2));
    }

    private static List<String> unitFiles() throws Exception {
        try (Stream<Path> files = Files.list(units)) {
            return files.map(Path::toString).sorted().toList();
        }
    }

    private static int systemdVersion() throws Exception {
        Commands.Result version = analyze(List.of(SYSTEMD_ANALYZE.toString(), "--version"));
        Matcher number = Pattern.compile("^systemd (\\d+)").matcher(version.out());
        assertThat(number.find()).as("systemd-analyze --version: %s", version.out()).isTrue();
        return Integer.parseInt(number.group(1));
    }

    private static void assumeSystemd() {
        assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE),
                "systemd-analyze is not installed (Debian's systemd package; scripts/test installs it as root): "
                        + "the units are not verified");
    }
}
