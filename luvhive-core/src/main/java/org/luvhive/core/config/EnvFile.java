package org.luvhive.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an env file of {@code KEY=VALUE} lines: blank lines and {@code #} comments are
 * skipped, an {@code export } prefix is allowed, values may be wrapped in single or
 * double quotes. Errors name the line number, never the line (it may hold a secret).
 * Stateless and thread-safe.
 */
public final class EnvFile {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.complementOf(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    private EnvFile() {
    }

    /** The file's entries in order, or a {@link ConfigException} naming each bad line. */
    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw ConfigException.single(ConfigKeys.LUVHIVE_ENV_FILE,
                    "cannot read " + file + ": " + unreadable.getClass().getSimpleName());
        }
        return parse(file, lines);
    }

    /**
     * A one-line warning when users other than the owner may read or change {@code file}
     * (it holds the bot token); empty when the file is private, or the file system keeps
     * no POSIX modes.
     */
    public static Optional<String> exposure(Path file) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException unknown) {
            return Optional.empty();
        }
        if (mode.stream().noneMatch(NOT_OWNER::contains)) {
            return Optional.empty();
        }
        return Optional.of("The env file " + file + " can be read or changed by other users (mode "
                + octal(mode) + ") and it holds the bot token: chmod 600 " + file);
    }

    private static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission permission : mode) {
            bits |= 1 << (8 - permission.ordinal()); // OWNER_READ is ordinal 0, the 0400 bit
        }
        return String.format("%04o", bits);
    }

    static Map<String, String> parse(Path file, List<String> lines) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            String key = equals > 0 ? line.substring(0, equals).strip() : "";
            if (equals <= 0 || !KEY.matcher(key).matches()) {
                problems.add(ConfigKeys.LUVHIVE_ENV_FILE + ": " + file + " line " + (index + 1)
                        + " is not KEY=VALUE");
                continue;
            }
            entries.put(key, unquote(line.substring(equals + 1).strip()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return entries;
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if ((first == '"' || first == '\'') && first == last) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }
}
