package org.luvhive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An env file other users can read (it holds the bot token) draws one warning line on
 * the CLI's stderr, in a real process with the real logging set-up; a private one none.
 */
class EnvFileWarningTest {

    @TempDir
    Path home;

    private List<String> stderrOfDbInfo(Path envFile) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Duser.home=" + home, "-cp", productionClasspath(), LuvhiveCli.class.getName(), "db", "info");
        builder.environment().keySet().removeIf(key -> key.startsWith("LUVHIVE_") || key.equals("DATABASE_URL")
                || key.equals("BOT_TOKEN") || key.equals("LOG_FORMAT"));
        builder.environment().put("LUVHIVE_ENV_FILE", envFile.toString());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Path stderr = home.resolve("stderr.txt");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("nothing listens on port 1").isEqualTo(4);
        return Files.readAllLines(stderr, StandardCharsets.UTF_8);
    }

    /** This JVM's class path without test classes, whose logback-test.xml would replace the CLI's logging set-up. */
    private static String productionClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private Path envFile(String mode) throws IOException {
        Path file = home.resolve("luvhive.env");
        Files.writeString(file, "BOT_TOKEN=123456789:TestOnlyTokenNotRealXXXXXXXXXXXXXXw8\n"
                + "DATABASE_URL=postgresql://nobody@127.0.0.1:1/none\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void aWorldReadableEnvFileIsWarnedAboutInOneLine() throws Exception {
        Path file = envFile("rw-r--r--");

        List<String> stderr = stderrOfDbInfo(file);

        assertThat(stderr).filteredOn(line -> line.contains("env file")).singleElement().asString()
                .contains("WARN").endsWith("The env file " + file + " can be read or changed by other users (mode 0644)"
                        + " and it holds the bot token: chmod 600 " + file);
        assertThat(String.join("\n", stderr)).doesNotContain("TestOnlyTokenNotReal");
    }

    @Test
    void aPrivateEnvFileDrawsNoWarning() throws Exception {
        List<String> stderr = stderrOfDbInfo(envFile("rw-------"));

        assertThat(stderr).noneMatch(line -> line.contains("env file"))
                .anyMatch(line -> line.startsWith("luvhive: ")); // the database error, so the run did read the file
    }
}
