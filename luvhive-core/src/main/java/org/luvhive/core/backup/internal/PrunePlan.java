package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luvhive.core.backup.BackupCatalog;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.BrokenSet;
import org.luvhive.core.backup.PruneDecision;
import org.luvhive.core.backup.PrunePolicy;
import org.luvhive.core.backup.PruneResult;

/**
 * Applies retention to a listing. It removes only what it has validated: a usable set's
 * manifest and its archive (named {@code NAME.dump|.dir} beside it, see
 * {@link ManifestRules}), an archive that has no manifest file at all and is older than
 * any create could be, and a manifest whose archive is gone. Broken sets (unreadable,
 * incomplete or untrusted manifest, damaged archive) are reported and kept: they need a
 * person. The rules apply to each database's sets apart: a listing of one database's sets
 * (the default) is one group; with all databases, every database keeps its own newest
 * sets. Other databases' sets that the listing left out are not touched. The caller holds
 * the backup lock when applying. Not thread-safe.
 */
public final class PrunePlan {

    private final InUseRegistry registry;

    public PrunePlan(InUseRegistry registry) {
        this.registry = registry;
    }

    public PruneResult run(BackupCatalog.Listing listing, PrunePolicy policy, Instant now, boolean apply) {
        List<PruneDecision> decisions = new ArrayList<>();
        long freed = 0;
        for (PruneDecision decision : decideByDatabase(listing.sets(), policy, now)) {
            BackupSet set = decision.set();
            boolean removed = !decision.keep() && removeUnlessInUse(set.name(), apply, set.manifestPath(),
                    set.archive()); // the manifest first: it stops being a complete set
            if (!decision.keep() && !removed) {
                decision = new PruneDecision(set, true, List.of("in use by a verify or restore"));
            }
            freed += removed ? set.sizeBytes() : 0;
            decisions.add(decision);
        }
        List<BrokenSet> broken = new ArrayList<>();
        List<Path> staleManifests = new ArrayList<>();
        for (BrokenSet set : listing.broken()) {
            if (set.state() == BrokenSet.State.MISSING && removeUnlessInUse(set.name(), apply, set.manifestPath())) {
                staleManifests.add(set.manifestPath());
            } else {
                broken.add(set);
            }
        }
        List<Path> orphans = new ArrayList<>();
        List<Path> youngOrphans = new ArrayList<>();
        for (Path orphan : listing.orphans()) {
            if (!olderThan(orphan, now.minus(PrunePolicy.ORPHAN_MIN_AGE))) {
                youngOrphans.add(orphan);
                continue;
            }
            orphans.add(orphan);
            freed += SecureFiles.size(orphan);
            if (apply) {
                SecureFiles.deleteRecursively(orphan);
            }
        }
        return new PruneResult(decisions, orphans, youngOrphans, broken, staleManifests, apply, freed,
                listing.otherDatabases());
    }

    /** Retention over each database's sets apart, newest first overall. */
    private static List<PruneDecision> decideByDatabase(List<BackupSet> sets, PrunePolicy policy, Instant now) {
        Map<String, List<BackupSet>> byDatabase = new LinkedHashMap<>();
        for (BackupSet set : sets) {
            String database = set.foreign() ? set.manifest().identity()
                    .map(identity -> identity.systemIdentifier() + "/" + identity.oid())
                    .orElse(set.manifest().databaseAndServer()) : "this database";
            byDatabase.computeIfAbsent(database, key -> new ArrayList<>()).add(set);
        }
        List<PruneDecision> decisions = new ArrayList<>();
        byDatabase.values().forEach(group -> decisions.addAll(Retention.decide(group, policy.orDefault(), now)));
        decisions.sort(Comparator.comparing((PruneDecision decision) -> decision.set().completedAt()).reversed());
        return decisions;
    }

    /** Removes {@code paths} (in order) unless a verify or restore marked {@code name}; whether it was (or would be). */
    private boolean removeUnlessInUse(String name, boolean apply, Path... paths) {
        return registry.underRegistryLock(() -> {
            if (registry.inUse(name)) {
                return false;
            }
            if (apply) {
                for (Path path : paths) {
                    SecureFiles.deleteRecursively(path);
                }
            }
            return true;
        });
    }

    private static boolean olderThan(Path file, Instant limit) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(limit);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
