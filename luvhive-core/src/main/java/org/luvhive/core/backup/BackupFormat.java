package org.luvhive.core.backup;

import java.util.Locale;

/**
 * The pg_dump archive formats LuvHive writes. Custom is one compressed file; directory
 * is the only format pg_dump can write in parallel ({@code --jobs}). Both restore in
 * parallel.
 */
public enum BackupFormat {
    CUSTOM("custom", "c", ".dump"),
    DIRECTORY("directory", "d", ".dir");

    private final String label;
    private final String pgDumpLetter;
    private final String extension;

    BackupFormat(String label, String pgDumpLetter, String extension) {
        this.label = label;
        this.pgDumpLetter = pgDumpLetter;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    /** The value of pg_dump's {@code --format}. */
    public String pgDumpLetter() {
        return pgDumpLetter;
    }

    /** What the archive's name ends with. */
    public String extension() {
        return extension;
    }

    public static BackupFormat parse(String text) {
        for (BackupFormat format : values()) {
            if (format.label.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "': use custom or directory");
    }
}
