package org.luvhive.core.backup;

import java.util.Locale;
import java.util.Set;

/**
 * How pg_dump compresses: a method and a level, as pg_dump 16 spells it
 * ({@code gzip:1}, {@code zstd:3}, {@code none}). pg_dump 15 knows only gzip, given as a
 * bare level; lz4 and zstd need pg_dump 16 or newer.
 *
 * @param method gzip, lz4, zstd or none
 * @param level  the method's level (0 for none)
 */
public record Compression(String method, int level) {

    private static final Set<String> METHODS = Set.of("gzip", "lz4", "zstd", "none");

    /** The default, chosen by measurement (README, "Backups"): fast gzip. */
    public static final Compression DEFAULT = new Compression("gzip", 1);

    public Compression {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown compression '" + method + "': use gzip[:0-9], lz4, zstd or none");
        }
        if ("gzip".equals(method) && (level < 0 || level > 9)) {
            throw new IllegalArgumentException("gzip level must be 0-9, not " + level);
        }
    }

    /** Parses {@code 6}, {@code gzip}, {@code gzip:6}, {@code zstd:3}, {@code none}. */
    public static Compression parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.matches("\\d+")) {
            return new Compression("gzip", Integer.parseInt(value));
        }
        int colon = value.indexOf(':');
        String method = colon < 0 ? value : value.substring(0, colon);
        if ("none".equals(method)) {
            return new Compression("none", 0);
        }
        int level;
        try {
            level = colon < 0 ? defaultLevel(method) : Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException("compression level in '" + text + "' is not a number");
        }
        return new Compression(method, level);
    }

    private static int defaultLevel(String method) {
        return switch (method) {
            case "gzip" -> 6;
            case "zstd" -> 3;
            default -> 1;
        };
    }

    /** The lowest pg_dump major version that understands this compression. */
    public int minimumPgDumpMajor() {
        return "lz4".equals(method) || "zstd".equals(method) ? 16 : 10;
    }

    /** pg_dump's {@code --compress} value: a bare level for gzip and none (every version), else method:level. */
    public String pgDumpArgument() {
        return switch (method) {
            case "none" -> "0";
            case "gzip" -> Integer.toString(level);
            default -> method + ":" + level;
        };
    }

    @Override
    public String toString() {
        return "none".equals(method) ? "none" : method + ":" + level;
    }
}
