package org.luvhive.core.backup;

import java.time.Instant;
import java.util.List;

/**
 * The result of the last verification of a backup, kept in its manifest.
 *
 * @param state   how far the backup is proven
 * @param at      when the verification ended (null while unverified)
 * @param proved  what was proven, one sentence each
 * @param message what failed, when it failed
 */
public record Verification(VerificationState state, Instant at, List<String> proved, String message) {

    public Verification {
        proved = proved == null ? List.of() : List.copyOf(proved);
    }

    public static Verification unverified() {
        return new Verification(VerificationState.UNVERIFIED, null, List.of(), null);
    }
}
