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
import java.util.ListIterator;
import java.util.Map;
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
        setAll(file, Map.of(key, value));
    }

    /** Sets every key of {@code values} in one rewrite, so a reader sees all of them changed or none. */
    public static void setAll(Path file, Map<String, String> values) {
        try {
            List<String> updated = new ArrayList<>(Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of());
            values.forEach((key, value) -> replace(updated, key, value));
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

    private static void replace(List<String> lines, String key, String value) {
        Pattern line = Pattern.compile("^\\s*(export\\s+)?" + Pattern.quote(key) + "\\s*=.*$");
        boolean replaced = false;
        for (ListIterator<String> existing = lines.listIterator(); existing.hasNext(); ) {
            if (line.matcher(existing.next()).matches()) {
                if (replaced) {
                    existing.remove();
                } else {
                    existing.set(key + "=" + value);
                    replaced = true;
                }
            }
        }
        if (!replaced) {
            lines.add(key + "=" + value);
        }
    }
}
