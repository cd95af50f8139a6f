package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launchers run LuvHive with umask 077, so every file it writes (logs, and a file
 * appender an operator adds to logback) is its user's alone, while the build they may
 * start keeps the caller's umask. Run on a copy of {@code scripts/} and on the release
 * archive's layout, with stand-ins for {@code java} and {@code mvn} that record the umask
 * they were started with.
 */
class LaunchersTest {

    private static final Path SCRIPTS = Path.of("..", "scripts");
    private static final Path RELEASE = Path.of("..", "luvhive-dist", "src", "main");

    @TempDir
    Path repo;

    private static void executable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @ParameterizedTest
    @CsvSource({"luvhive-bot, luvhive-bot, luvhive-bot.jar", "luvhive, luvhive-cli, luvhive-cli.jar"})
    void theProgramRunsWithUmask077AndTheBuildWithTheCallersOne(String launcher, String module, String jar)
            throws Exception {
        for (String script : List.of(launcher, "lib/launcher.sh", "lib/appcds.sh")) {
            Files.createDirectories(repo.resolve("scripts/lib"));
            Files.copy(SCRIPTS.resolve(script), repo.resolve("scripts").resolve(script));
        }
        Files.setPosixFilePermissions(repo.resolve("scripts").resolve(launcher),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String pom : List.of("pom.xml", "luvhive-core/pom.xml", module + "/pom.xml")) {
            Files.createDirectories(repo.resolve(pom).getParent());
            Files.writeString(repo.resolve(pom), "<project/>");
            Files.setLastModifiedTime(repo.resolve(pom), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        }
        Path bin = repo.resolve("bin");
        Path umasks = repo.resolve("umasks.txt");
        // the jar is missing: the launcher builds it first
        executable(bin.resolve("mvn"), "#!/bin/sh\necho \"mvn $(umask)\" >> " + umasks + "\nmkdir -p "
                + repo.resolve(module + "/target") + " && touch " + repo.resolve(module + "/target/" + jar) + "\n");
        executable(bin.resolve("java"), "#!/bin/sh\necho \"java $(umask)\" >> " + umasks + "\n");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "umask 022 && exec \"$0\" --version",
                repo.resolve("scripts").resolve(launcher).toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("LUVHIVE_CDS", "off");
        Process process = builder.start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readAllLines(umasks)).containsExactly("mvn 0022", "java 0077");
    }

    @ParameterizedTest
    @CsvSource({"luvhive-bot", "luvhive"})
    void theReleaseArchivesLaunchersRunJavaWithUmask077(String launcher) throws Exception {
        Path install = repo.resolve("luvhive-1.0");
        Files.createDirectories(install.resolve("bin"));
        Files.createDirectories(install.resolve("lib/sh"));
        Files.copy(RELEASE.resolve("bin").resolve(launcher), install.resolve("bin").resolve(launcher));
        Files.setPosixFilePermissions(install.resolve("bin").resolve(launcher),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(RELEASE.resolve("sh/installed.sh"), install.resolve("lib/sh/installed.sh"));
        Files.copy(SCRIPTS.resolve("lib/appcds.sh"), install.resolve("lib/sh/appcds.sh"));
        Path umasks = repo.resolve("umasks.txt");
        Path bin = repo.resolve("bin");
        executable(bin.resolve("java"), "#!/bin/sh\necho \"java $(umask)\" >> " + umasks + "\n");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "umask 022 && exec \"$0\" --version",
                install.resolve("bin").resolve(launcher).toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("LUVHIVE_CDS", "off");
        Process process = builder.start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readAllLines(umasks)).containsExactly("java 0077");
    }
}
