package org.luvhive.core.backup;

import org.luvhive.core.LuvhiveException;

/**
 * A backup failed verification: a file is missing, has another size or checksum than the
 * manifest records, cannot be read through, or restores to other row counts.
 */
public final class BackupCorruptException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String expected;
    private final String actual;

    public BackupCorruptException(String message, String file, String expected, String actual) {
        super(message);
        this.file = file;
        this.expected = expected;
        this.actual = actual;
    }

    /** The file (or table) that did not match. */
    public String file() {
        return file;
    }

    /** What the manifest says (checksum, size or row count). */
    public String expected() {
        return expected;
    }

    /** What was found. */
    public String actual() {
        return actual;
    }
}
