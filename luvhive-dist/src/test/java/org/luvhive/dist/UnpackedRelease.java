package org.luvhive.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The release archive the build made, unpacked with tar into a directory of a test's own,
 * as an operator installs it. Its location, name and version come from the build
 * (failsafe's system properties).
 */
final class UnpackedRelease {

    private final Path home;

    private UnpackedRelease(Path home) {
        this.home = home;
    }

    /** Unpacks the archive into {@code directory}; the release is its one top-level folder. */
    static UnpackedRelease into(Path directory) throws IOException, InterruptedException {
        Path archive = Path.of(property("luvhive.archive"));
        assertThat(archive).as("the release archive (run 'mvn package' first)").isRegularFile();
        Files.createDirectories(directory);
        Commands.Result untar = Commands.run(List.of("tar", "-xzf", archive.toString(), "-C", directory.toString()),
                directory, Map.of("PATH", Commands.SYSTEM_PATH), Duration.ofMinutes(1));
        assertThat(untar.exitCode()).as("tar: %s", untar.err()).isZero();
        Path home = directory.resolve(property("luvhive.release"));
        assertThat(home).isDirectory();
        return new UnpackedRelease(home);
    }

    static String version() {
        return property("luvhive.version");
    }

    /** The release's top-level folder, e.g. .../luvhive-1.2.0. */
    Path home() {
        return home;
    }

    Path resolve(String relative) {
        return home.resolve(relative);
    }

    /** A symbolic link {@code directory/name} to {@code bin/name}, as /usr/local/bin/luvhive would be. */
    Path linkTo(String binary, Path directory) throws IOException {
        Files.createDirectories(directory);
        return Files.createSymbolicLink(directory.resolve(binary), home.resolve("bin").resolve(binary));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the build)", name).isNotBlank();
        return value;
    }
}
