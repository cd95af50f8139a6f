package org.luvhive.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the source tree with this build's outputs (target directories, times kept),
 * for launchers to build in without touching the tree under test.
 */
final class SourceTreeCopy {

    private SourceTreeCopy() {
    }

    static void copy(Path source, Path target) throws IOException, InterruptedException {
        Files.createDirectories(target);
        List<String> command = new ArrayList<>(List.of("cp", "-a"));
        try (Stream<Path> entries = Files.list(source)) {
            entries.filter(entry -> !List.of(".git", "target").contains(entry.getFileName().toString()))
                    .forEach(entry -> command.add(entry.toString()));
        }
        command.add(target.toString());
        Process copy = new ProcessBuilder(command).inheritIO().start();
        assertThat(copy.waitFor(2, TimeUnit.MINUTES) && copy.exitValue() == 0).as("copied %s", source).isTrue();
        keepIncrementalBuilds(source, target);
        // every artifact a launcher's build needs is in the local repository already
        Files.createDirectories(target.resolve(".mvn"));
        Files.writeString(target.resolve(".mvn/maven.config"), "-o\n");
    }

    /**
     * The compiler plugin remembers the sources it compiled by absolute path; with the
     * original's paths every module would count as changed and be compiled again.
     */
    private static void keepIncrementalBuilds(Path source, Path target) throws IOException {
        String from = source + "/";
        String to = target + "/";
        try (Stream<Path> files = Files.walk(target)) {
            for (Path list : files.filter(file -> file.toString().contains("/target/maven-status/")
                    && file.toString().endsWith(".lst")).toList()) {
                Files.writeString(list, Files.readString(list).replace(from, to));
            }
        }
    }
}
