package org.luvhive.cli.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.CliFailure;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.DurationConverter;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.backup.HumanFormat;
import org.luvhive.core.backup.PruneDecision;
import org.luvhive.core.backup.PrunePolicy;
import org.luvhive.core.backup.PruneResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luvhive backup prune}: retention over whole backup sets, a dry run unless --apply. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        header = "Remove old backup sets by retention rules (a dry run unless --apply).",
        description = "A set (archive + manifest) stays when any rule keeps it; the newest and the newest verified "
                + "always stay, and so does one a verify or restore is using. Without rules: --max-age 14d. Broken "
                + "sets (manifest unreadable, incomplete or untrusted, archive damaged) are listed and kept; a "
                + "manifest whose archive is gone is removed, and so is an archive without a manifest once it is a "
                + "day old. Only this database's sets are considered; with --all-databases every database's, each "
                + "by these rules apart.")
public final class BackupPruneCommand implements Callable<Integer>, DocumentsExitCodes {

    private final CliContext context;

    @Option(names = "--keep-last", paramLabel = "N", description = "Keep the newest N.")
    int keepLast;

    @Option(names = "--keep-daily", paramLabel = "D", description = "Keep the newest of each of the last D days (UTC).")
    int keepDaily;

    @Option(names = "--keep-weekly", paramLabel = "W", description = "Keep the newest of each of the last W ISO weeks.")
    int keepWeekly;

    @Option(names = "--keep-monthly", paramLabel = "M", description = "Keep the newest of each of the last M months.")
    int keepMonthly;

    @Option(names = "--max-age", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Keep every set completed within this age (e.g. 14d).")
    Duration maxAge;

    @Option(names = "--apply", description = "Really remove (default: a dry run).")
    boolean apply;

    @Mixin
    LockWaitOption lockWait;

    @Mixin
    AllDatabasesOption databases;

    @Mixin
    JsonOption json;

    BackupPruneCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrunePolicy policy;
        try {
            policy = new PrunePolicy(keepLast, keepDaily, keepWeekly, keepMonthly, Optional.ofNullable(maxAge));
        } catch (IllegalArgumentException invalid) {
            throw new CliFailure(ExitCode.USAGE, invalid.getMessage());
        }
        PruneResult result = BackupCli.backups(context, json.enabled()).prune(policy, apply, lockWait.value(),
                databases.scope());
        if (json.enabled()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("applied", result.applied());
            out.put("freed_bytes", result.freedBytes());
            out.put("keep", result.kept().stream().map(decision -> Map.of("name", decision.set().name(),
                    "reasons", decision.reasons())).toList());
            out.put("remove", result.removed().stream().map(decision -> decision.set().name()).toList());
            out.put("orphans", names(result.orphans()));
            out.put("orphans_kept", names(result.youngOrphans()));
            out.put("stale_manifests", names(result.staleManifests()));
            out.put("broken", result.broken().stream().map(broken -> Map.of("name", broken.name(),
                    "state", broken.state().label(), "reason", broken.reason())).toList());
            out.put("other_databases", result.otherDatabases().stream().map(set -> Map.of("name", set.name(),
                    "database", set.manifest().databaseAndServer())).toList());
            context.out().println(context.json().render(out));
            return ExitCode.OK.code();
        }
        var out = context.out();
        String removed = result.applied() ? "removed" : "remove";
        out.println(result.applied() ? "Pruned:" : "Dry run, nothing removed (add --apply to remove):");
        for (PruneDecision decision : result.decisions()) {
            out.printf("  %-7s %s%s%n", decision.keep() ? "keep" : removed,
                    decision.set().name(), decision.keep() ? "  (" + String.join(", ", decision.reasons()) + ")" : "");
        }
        result.broken().forEach(broken -> out.printf("  %-7s %s  (BROKEN, left for you to inspect: %s: %s)%n", "keep",
                broken.name(), broken.state().label(), broken.reason()));
        result.otherDatabases().forEach(set -> out.printf("  %-7s %s  (another database's: %s; --all-databases "
                + "prunes each database's sets by these rules)%n", "keep", set.name(), set.manifest().databaseAndServer()));
        result.staleManifests().forEach(manifest -> out.printf("  %-7s %s  (manifest whose archive is gone)%n",
                removed, manifest.getFileName()));
        result.orphans().forEach(orphan -> out.printf("  %-7s %s  (archive without manifest, older than %s)%n",
                removed, orphan.getFileName(), HumanFormat.age(PrunePolicy.ORPHAN_MIN_AGE)));
        result.youngOrphans().forEach(orphan -> out.printf("  %-7s %s  (archive without manifest, newer than %s: "
                + "a create may be finishing it)%n", "keep", orphan.getFileName(), HumanFormat.age(PrunePolicy.ORPHAN_MIN_AGE)));
        out.printf("%d kept, %d broken kept, %s%d %s, %s %s.%n", result.kept().size() + result.youngOrphans().size(),
                result.broken().size(), result.otherDatabases().isEmpty() ? ""
                        : result.otherDatabases().size() + " of other databases left alone, ",
                result.removed().size() + result.orphans().size()
                        + result.staleManifests().size(), result.applied() ? "removed" : "to remove",
                HumanFormat.bytes(result.freedBytes()), result.applied() ? "freed" : "would be freed");
        return ExitCode.OK.code();
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(path -> path.getFileName().toString()).toList();
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.CONFIG_INVALID, ExitCode.LOCK_HELD, ExitCode.FAILURE);
    }
}
