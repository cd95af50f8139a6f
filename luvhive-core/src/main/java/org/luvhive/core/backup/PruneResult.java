package org.luvhive.core.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * A prune plan, and what was removed when it was applied.
 *
 * @param decisions      one per usable set, newest first
 * @param orphans        archives without a manifest, older than any create could be: removed
 * @param youngOrphans   archives without a manifest too recent to be sure no create is writing them: kept
 * @param broken         sets that are not usable (corrupt or incomplete manifest, damaged archive): kept
 * @param staleManifests manifests whose archive is gone: removed
 * @param applied        whether anything was removed (false: a dry run)
 * @param freedBytes     bytes removed (or that would be)
 * @param otherDatabases sets of other databases, left alone (without --all-databases)
 */
public record PruneResult(List<PruneDecision> decisions, List<Path> orphans, List<Path> youngOrphans,
                          List<BrokenSet> broken, List<Path> staleManifests, boolean applied, long freedBytes,
                          List<BackupSet> otherDatabases) {

    public PruneResult {
        decisions = List.copyOf(decisions);
        orphans = List.copyOf(orphans);
        youngOrphans = List.copyOf(youngOrphans);
        broken = List.copyOf(broken);
        staleManifests = List.copyOf(staleManifests);
        otherDatabases = List.copyOf(otherDatabases);
    }

    public List<PruneDecision> removed() {
        return decisions.stream().filter(decision -> !decision.keep()).toList();
    }

    public List<PruneDecision> kept() {
        return decisions.stream().filter(PruneDecision::keep).toList();
    }
}
