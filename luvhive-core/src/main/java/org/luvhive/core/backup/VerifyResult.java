package org.luvhive.core.backup;

import java.util.List;

/**
 * What a verification proved.
 *
 * @param backup    the backup's name
 * @param state     verified, or restore-tested
 * @param proved    one sentence per proof, as recorded in the manifest
 * @param bytesRead bytes checksummed
 */
public record VerifyResult(String backup, VerificationState state, List<String> proved, long bytesRead) {

    public VerifyResult {
        proved = List.copyOf(proved);
    }
}
