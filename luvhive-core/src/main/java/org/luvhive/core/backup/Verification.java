package org.luvhive.core.backup;

import java.time.Instant;
import java.util.List;

/**
 * The result of the last verification of a backup, kept in its manifest, with the last
 * passed restore test kept apart: a later plain verify (checksums and a full read) does
 * not erase it, and while the checksums still match it proves the same bytes restore.
 * Immutable.
 *
 * @param state             how far the backup is proven
 * @param at                when the verification ended (null while unverified)
 * @param proved            what was proven, one sentence each
 * @param message           what failed, or which step could not run
 * @param restoreTestedAt   when a restore test last passed (null if never, or if a later one failed);
 *                          absent from manifests written before it existed
 * @param restoreTestProved what that restore test proved, one sentence
 */
public record Verification(VerificationState state, Instant at, List<String> proved, String message,
                           Instant restoreTestedAt, String restoreTestProved) {

    public Verification {
        proved = proved == null ? List.of() : List.copyOf(proved);
    }

    /** A verification without a restore test on record. */
    public Verification(VerificationState state, Instant at, List<String> proved, String message) {
        this(state, at, proved, message, null, null);
    }

    public static Verification unverified() {
        return new Verification(VerificationState.UNVERIFIED, null, List.of(), null);
    }

    /** Whether a restore test has passed on these bytes (the checksums were right when it ran). */
    public boolean restoreTested() {
        return restoreTestedAt != null;
    }

    /** This record's restore test carried over to a new verification. */
    public Verification keepingRestoreTest(VerificationState newState, Instant newAt, List<String> newProved,
                                           String newMessage) {
        return new Verification(newState, newAt, newProved, newMessage, restoreTestedAt, restoreTestProved);
    }
}
