package org.luvhive.core.backup;

import java.util.List;

/**
 * What a verification proved, and what it could not do.
 *
 * @param backup    the backup's name
 * @param state     verified, or restore-tested (as recorded in the manifest)
 * @param proved    one sentence per proof, as recorded in the manifest
 * @param bytesRead bytes checksummed
 * @param notRun    the step that was asked for but could not run, and why (null when every step ran)
 * @param match     whether the backup is of this database
 * @param database  the database it is of, as its manifest names it ({@code name@host:port})
 */
public record VerifyResult(String backup, VerificationState state, List<String> proved, long bytesRead,
                           String notRun, DatabaseMatch match, String database) {

    public VerifyResult {
        proved = List.copyOf(proved);
    }

    /** Whether every step that was asked for ran (and passed: a failure is an exception). */
    public boolean complete() {
        return notRun == null;
    }
}
