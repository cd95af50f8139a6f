package org.luvhive.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Changes one key of an env file in place: every other line (comments included) kept,
 * the file rewritten under a temporary name with mode 0600, synced, then renamed over the
 * old one, so a crash leaves the old file or the new one, never half of either.
 * Stateless and thread-safe (callers serialise writers of one file).
 */
public final class EnvFileWriter {

    private EnvFileWriter() {
    }

    /** Sets {@code key} to {@code value} (replacing its line, or appending one). */
    public static void set(Path file, String key, String value) {
        Pattern line = Pattern.compile("^\\s*(export\\s+)?" + Pattern.quote(key) + "\\s*=.*$");
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            List<String> updated = new ArrayList<>();
            boolean replaced = false;
            for (String existing : lines) {
                if (line.matcher(existing).matches()) {
                    if (!replaced) {
                        updated.add(key + "=" + value);
                        replaced = true;
                    }
                } else {
                    updated.add(existing);
                }
            }
            if (!replaced) {
                updated.add(key + "=" + value);
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temporary, (String.join("\n", updated) + "\n").getBytes(StandardCharsets.UTF_8));
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + file + ": " + failure.getMessage(), failure);
        }
    }
}
