package org.luvhive.core.backup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How far a backup has been proven, as recorded in its manifest. */
public enum VerificationState {
    /** Written and checked while written (exit code, size, table of contents), never verified since. */
    UNVERIFIED("unverified"),
    /** Checksums match and pg_restore read every data block. */
    VERIFIED("verified"),
    /** Verified, and restored into a scratch database with the manifest's row counts. */
    RESTORE_TESTED("restore-tested"),
    /** The last verification found it corrupt or unrestorable. */
    FAILED("failed");

    private final String label;

    VerificationState(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Whether the backup has passed a verification (with or without a restore test). */
    public boolean passed() {
        return this == VERIFIED || this == RESTORE_TESTED;
    }

    @JsonCreator
    public static VerificationState of(String label) {
        for (VerificationState state : values()) {
            if (state.label.equals(label)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown verification state '" + label + "'");
    }
}
