package org.luvhive.core.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * A prune plan, and what was removed when it was applied.
 *
 * @param decisions  one per complete set, newest first
 * @param orphans    archives without a manifest (left by a crash), removed with the sets
 * @param applied    whether anything was removed (false: a dry run)
 * @param freedBytes bytes removed (or that would be)
 */
public record PruneResult(List<PruneDecision> decisions, List<Path> orphans, boolean applied, long freedBytes) {

    public PruneResult {
        decisions = List.copyOf(decisions);
        orphans = List.copyOf(orphans);
    }

    public List<PruneDecision> removed() {
        return decisions.stream().filter(decision -> !decision.keep()).toList();
    }

    public List<PruneDecision> kept() {
        return decisions.stream().filter(PruneDecision::keep).toList();
    }
}
