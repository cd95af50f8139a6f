package org.luvhive.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;

/**
 * The release archive as an operator installs it: unpacked by tar, run through symlinks
 * (as /usr/local/bin/luvhive -> /opt/luvhive/bin/luvhive) from a directory that has nothing
 * to do with it, with only a Java runtime (JAVA_HOME) and the system's PATH: no Maven, no
 * source tree, no variable of the build.
 */
class ReleaseArchiveIT {

    private static final String TOKEN = "717171:AAFdistributionTestTokenNotARealOne00";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path root;

    private static UnpackedRelease release;
    private static Path links;
    private static Path elsewhere;

    @BeforeAll
    static void install() throws Exception {
        release = UnpackedRelease.into(root.resolve("opt"));
        links = root.resolve("usr-local-bin");
        release.linkTo("luvhive", links);
        release.linkTo("luvhive-bot", links);
        elsewhere = Files.createDirectories(root.resolve("somewhere-else"));
    }

    @Test
    void theCliRunsThroughASymlinkAndKeepsItsClassDataInTheUsersHome() throws Exception {
        Path home = Files.createDirectories(root.resolve("home-version"));

        Commands.Result version = luvhive(home, Map.of(), "--version");

        assertThat(version.exitCode()).as("stderr: %s", version.err()).isZero();
        assertThat(version.out()).startsWith("luvhive " + UnpackedRelease.version() + System.lineSeparator());
        assertThat(version.err()).isEmpty();
        // The first run recorded its class-data archive where the user may write, not in the installation.
        assertThat(jsaFiles(home.resolve(".luvhive/cds"))).isNotEmpty();
        assertThat(jsaFiles(release.home())).isEmpty();
    }

    @Test
    void theArchiveHoldsTheProgramsTheDocumentsAndTheOpsFilesOfTheRepository() throws Exception {
        for (String program : List.of("luvhive", "luvhive-bot", "automated_backup.sh", "luvhive-alert")) {
            assertThat(release.resolve("bin/" + program)).isExecutable();
        }
        Path repository = Path.of(System.getProperty("luvhive.repository"));
        assertThat(release.resolve("README.md")).hasSameTextualContentAs(repository.resolve("README.md"));
        if (Files.exists(repository.resolve("RUNBOOK.md"))) {
            assertThat(release.resolve("RUNBOOK.md")).hasSameTextualContentAs(repository.resolve("RUNBOOK.md"));
        } else {
            assertThat(release.resolve("RUNBOOK.md")).doesNotExist();
        }
        try (Stream<Path> files = Files.walk(repository.resolve("ops"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path packed = release.resolve(repository.relativize(file).toString());
                assertThat(packed).as("%s in the archive", packed).hasSameBinaryContentAs(file);
            }
        }
    }

    @Test
    void aJavaOlderThan17OrAWrongJavaHomeIsOneLine() throws Exception {
        Path oldJava = root.resolve("jdk-11");
        Files.createDirectories(oldJava.resolve("bin"));
        Files.writeString(oldJava.resolve("bin/java"), "#!/bin/sh\necho must not run\n");
        Files.setPosixFilePermissions(oldJava.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(oldJava.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path home = Files.createDirectories(root.resolve("home-java"));

        for (String launcher : List.of("luvhive", "luvhive-bot")) {
            Map<String, String> environment = environment(home);
            environment.put("JAVA_HOME", oldJava.toString());
            Commands.Result old = Commands.run(List.of(links.resolve(launcher).toString()), elsewhere, environment,
                    COMMAND_TIMEOUT);
            assertThat(old.exitCode()).isEqualTo(1);
            assertThat(old.out()).isEmpty();
            assertThat(old.err()).isEqualTo(launcher + ": " + oldJava.resolve("bin/java")
                    + " is older than Java 17: install a Java 17 runtime or set JAVA_HOME to one\n");

            environment.put("JAVA_HOME", root.resolve("no-such-jdk").toString());
            Commands.Result missing = Commands.run(List.of(links.resolve(launcher).toString()), elsewhere, environment,
                    COMMAND_TIMEOUT);
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).startsWith(launcher + ": JAVA_HOME=").endsWith("has no bin/java: fix or unset it\n");
        }
    }

    @Test
    void theCliAndTheBotRunOnTheEmbeddedDatabase() throws Exception {
        Path home = Files.createDirectories(root.resolve("home-bot"));
        Path luvhiveHome = home.resolve("luvhive"); // never the real ~/.luvhive: the JVM takes that from passwd, not HOME

        Commands.Result info = luvhive(home, Map.of("LUVHIVE_HOME", luvhiveHome.toString()), "db", "info", "--json");

        assertThat(info.exitCode()).as("stderr: %s", info.err()).isZero();
        JsonNode database = new ObjectMapper().readTree(info.out());
        assertThat(database.path("embedded").asBoolean()).isTrue();
        assertThat(database.path("data_directory").asText()).isEqualTo(luvhiveHome.resolve("pgdata").toString());
        assertThat(jsaFiles(luvhiveHome.resolve("cds"))).as("class-data archives in $LUVHIVE_HOME/cds").isNotEmpty();

        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start()) {
            SimulatedUser user = emulator.bot(TOKEN).newUser("Ada");
            Map<String, String> environment = environment(home);
            environment.put("LUVHIVE_HOME", luvhiveHome.toString());
            environment.put("BOT_TOKEN", TOKEN);
            environment.put("TELEGRAM_API_URL", emulator.baseUrl());
            environment.put("PORT", "0");
            environment.put("MANAGEMENT_PORT", "0"); // never a fixed port another test or bot may hold
            Path log = home.resolve("bot.log");
            Process bot = Commands.start(List.of(links.resolve("luvhive-bot").toString()), elsewhere, environment, log,
                    log);
            List<ProcessHandle> started = new ArrayList<>();
            try {
                user.sendCommand("start");
                assertThat(user.awaitMessage(Duration.ofMinutes(2))).as("the bot's answer to /start").isNotNull();

                started.addAll(bot.descendants().toList()); // the JVM, should the launcher not have exec'd it
                bot.destroy(); // SIGTERM, as systemd stops it: the launcher exec'd java, so the JVM gets it
                assertThat(bot.waitFor(40, TimeUnit.SECONDS)).as("stopped within 40 s; log: %s", Files.readString(log))
                        .isTrue();
                assertThat(bot.exitValue()).as("exit code; log: %s", Files.readString(log)).isZero();
                assertThat(Files.readString(log)).contains("LuvHive stopped");
            } finally { // after a failure: nothing of this test left running
                started.forEach(ProcessHandle::destroyForcibly);
                bot.destroyForcibly();
                stopServerOf(luvhiveHome.resolve("pgdata"));
            }
        }
    }

    private static Commands.Result luvhive(Path home, Map<String, String> variables, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(links.resolve("luvhive").toString()), Stream.of(arguments)).toList();
        Map<String, String> environment = environment(home);
        environment.putAll(variables);
        return Commands.run(command, elsewhere, environment, COMMAND_TIMEOUT);
    }

    /** A user's login environment: HOME, the system's PATH, a Java runtime in JAVA_HOME; nothing of LuvHive's. */
    private static Map<String, String> environment(Path home) {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        environment.put("PATH", Commands.SYSTEM_PATH);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return environment;
    }

    /** Stops the embedded PostgreSQL still running on {@code dataDirectory}, if any (pg_ctl detached it from the bot). */
    private static void stopServerOf(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (Files.isRegularFile(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    private static List<Path> jsaFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".jsa")).toList();
        }
    }
}
