package org.luvhive.core.backup;

import java.util.List;

/**
 * What prune does with one backup set, and why.
 *
 * @param set     the set
 * @param keep    whether it stays
 * @param reasons the rules that keep it ("last 3", "daily 2024-05-01", "in use", ...); empty when it goes
 */
public record PruneDecision(BackupSet set, boolean keep, List<String> reasons) {

    public PruneDecision {
        reasons = List.copyOf(reasons);
    }
}
