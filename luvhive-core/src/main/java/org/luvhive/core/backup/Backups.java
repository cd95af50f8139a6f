package org.luvhive.core.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.luvhive.core.backup.internal.ArchiveRestorer;
import org.luvhive.core.backup.internal.BackupDao;
import org.luvhive.core.backup.internal.BackupLock;
import org.luvhive.core.backup.internal.BackupLog;
import org.luvhive.core.backup.internal.Checksums;
import org.luvhive.core.backup.internal.ConnectionBudget;
import org.luvhive.core.backup.internal.Dumper;
import org.luvhive.core.backup.internal.HealthCheck;
import org.luvhive.core.backup.internal.IdentityCache;
import org.luvhive.core.backup.internal.InUseRegistry;
import org.luvhive.core.backup.internal.LockHolder;
import org.luvhive.core.backup.internal.ManifestJson;
import org.luvhive.core.backup.internal.PgTools;
import org.luvhive.core.backup.internal.PgToolsLocator;
import org.luvhive.core.backup.internal.PrunePlan;
import org.luvhive.core.backup.internal.Redactor;
import org.luvhive.core.backup.internal.RunGuard;
import org.luvhive.core.backup.internal.ScratchDatabases;
import org.luvhive.core.backup.internal.SecureFiles;
import org.luvhive.core.backup.internal.StepTimes;
import org.luvhive.core.backup.internal.TrackedRun;
import org.luvhive.core.backup.internal.Verifier;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DedicatedConnections;

/**
 * LuvHive's backups: create, list, verify, restore, prune and check, each appending one
 * line to the backup log. Create and prune hold the backup directory's lock; verify and
 * restore mark the set they read so prune leaves it alone. Not thread-safe: one
 * instance per run (runs in other threads or processes are excluded by the locks).
 */
public final class Backups {

    private static final Set<String> NEVER_TARGETS = Set.of("postgres", "template0", "template1");

    private final Path directory;
    private final Clock clock;
    private final BackupProgress progress;
    private final Redactor redactor;
    private final BackupLog log;
    private final PgToolsLocator locator;
    private final InUseRegistry registry;
    private final ManifestJson json = new ManifestJson();
    private final ThisDatabase configured;
    private final IdentityCache identities;
    private BackupCatalog catalog; // made on first use: reading the identity cache is no business of create

    public Backups(BackupSettings settings, Clock clock, BackupProgress progress) {
        this.directory = settings.backupDirectory();
        this.clock = clock;
        this.progress = progress;
        this.redactor = Redactor.forUrl(settings.databaseUrl());
        this.log = new BackupLog(settings.logDirectory(), redactor, json);
        this.locator = new PgToolsLocator(settings.environment());
        this.registry = new InUseRegistry(directory);
        this.configured = ThisDatabase.configured(settings.databaseUrl(), settings.embeddedDatabase());
        this.identities = new IdentityCache(directory, json, settings.databaseUrl());
    }

    /**
     * The backup directory, its sets matched against this database as the commands that do
     * not connect know it: the configured database, with the identity the last create for
     * this configuration on this host saw (unknown before the first).
     */
    public BackupCatalog catalog() {
        if (catalog == null) {
            catalog = new BackupCatalog(directory, json, identities.read()
                    .map(seen -> configured.withIdentity(seen.identity())).orElse(configured));
        }
        return catalog;
    }

    /**
     * The catalog matched against {@code live}'s identity as its server tells it (the cached one if it cannot).
     * When {@code live} is the server's maintenance database (the configured one is missing: lost or dropped),
     * its identity is no database's whose backups matter: the sets are matched against the configured
     * database's identity as the last create saw it, so a backup of the lost database is its own.
     */
    private BackupCatalog catalogFor(Database live) {
        if (configuredMissing(live)) {
            return catalog();
        }
        try {
            DatabaseIdentity identity = live.jdbi().withHandle(handle -> handle.createQuery(BackupDao.IDENTITY)
                    .map((row, context) -> new DatabaseIdentity(row.getString(1), row.getString(2),
                            row.getLong(3))).one());
            return catalog().matchedAgainst(configured.withIdentity(identity));
        } catch (RuntimeException unreadable) {
            return catalog();
        }
    }

    /**
     * The pg_dump a create would run against a server of major version {@code serverMajor}:
     * its version line and path; a {@link PgToolsMissingException} when none fits.
     */
    public String pgDumpFor(int serverMajor) {
        PgTools tools = locator.locate(serverMajor);
        return tools.pgDumpVersion() + " (" + tools.pgDump() + ")";
    }

    /** The backup log's path. */
    public Path logFile() {
        return log.file();
    }

    /** Dumps {@code database} into a new, complete backup set, on a session of its own (no pool). */
    public BackupSet create(DedicatedConnections database, CreateOptions options) {
        StepTimes steps = new StepTimes();
        return logged("create", set -> set.name(), set -> set.sizeBytes(), steps, (RunGuard guard) -> {
            SecureFiles.privateDirectory(directory);
            try (BackupLock ignored = BackupLock.acquire(directory, holder("backup create"), options.lockWait(), progress)) {
                removeLeftovers();
                steps.lap("lock");
                BackupSet set = new Dumper(directory, locator, json, clock, progress, redactor, guard)
                        .create(database, options, steps);
                set.manifest().identity().ifPresent(this::remember);
                return set;
            }
        });
    }

    /** Remembers this database's identity for the commands that do not connect; a cache, so never fatal. */
    private void remember(DatabaseIdentity identity) {
        try {
            identities.remember(identity, clock.instant());
        } catch (RuntimeException unwritable) {
            progress.notice("cannot remember this database's identity in " + IdentityCache.FILE_NAME + " ("
                    + unwritable.getMessage() + "); list and check match sets by name and server meanwhile");
        }
    }

    /** The sets of {@code scope}, the others (with this database's scope) kept apart in {@code otherDatabases}. */
    public BackupCatalog.Listing list(DatabaseScope scope) {
        return logged("list", listing -> null, listing -> null, () -> catalog().read().only(scope));
    }

    /**
     * Verifies the named (or newest) set; with {@code live} given, also restore-tests it
     * into a scratch database on that server (first dropping scratch databases that
     * interrupted runs left). {@code notices} gets one-line remarks for the person
     * watching (jobs lowered, leftovers dropped).
     */
    public VerifyResult verify(VerifyRequest request, Optional<Database> live, Consumer<String> notices) {
        return TrackedRun.run(log, clock, "verify", run -> {
            BackupCatalog sets = live.map(this::catalogFor).orElseGet(this::catalog);
            try (var marked = registry.mark("backup verify", () -> resolve(sets, request.backup(), request.scope()),
                    BackupSet::name)) {
                run.backup(marked.value().name());
                VerifyResult result = new Verifier(locator, json, clock, redactor, progress, registry, run.guard(),
                        notices).verify(marked.value(), live.orElse(null), request.jobs());
                if (!result.complete()) {
                    run.failed(result.notRun());
                }
                return result;
            }
        }, VerifyResult::bytesRead, result -> result.state().label());
    }

    /** Whether {@code live} is not the configured database but its server's (the configured one is missing). */
    private boolean configuredMissing(Database live) {
        return !live.url().database().equals(configured.database());
    }

    /** Whether {@code name} exists on the live database's server (for the restore prompt). */
    public static boolean databaseExists(Database live, String name) {
        return live.jdbi().onDemand(BackupDao.class).databaseExists(name);
    }

    /**
     * Restores a set into a new database; never into the live one. An existing target is
     * replaced (with {@code force}) only after the restore into a temporary database passed.
     */
    public RestoreResult restore(Database live, RestoreRequest request, Consumer<String> notices) {
        return TrackedRun.run(log, clock, "restore", run -> {
            String target = request.target();
            run.target(target);
            if (target.equals(live.url().database()) || NEVER_TARGETS.contains(target)) {
                throw new RestoreTargetExistsException("refusing to restore into '" + target + "': it is "
                        + (NEVER_TARGETS.contains(target) ? "a system database" : "the live database this luvhive uses")
                        + "; restore into a new database and switch DATABASE_URL to it");
            }
            BackupDao server = live.jdbi().onDemand(BackupDao.class);
            boolean exists = server.databaseExists(target);
            if (exists && !request.force()) {
                throw new RestoreTargetExistsException("database '" + target + "' exists; choose another --target, "
                        + "or replace it with --force");
            }
            BackupCatalog sets = catalogFor(live);
            try (var marked = registry.mark("backup restore", () -> resolve(sets, request.backup(), request.scope()),
                    BackupSet::name)) {
                BackupSet set = marked.value();
                run.backup(set.name());
                try {
                    Checksums.verify(directory, set.manifest().archive(), set.manifest().files());
                    var tools = locator.locate(server.serverVersionNumber() / 10000);
                    ScratchDatabases.dropStale(live, registry, clock.instant(), notices);
                    int jobs = live.jdbi().withHandle(handle -> ConnectionBudget.clampJobs(handle.getConnection(),
                            request.jobs(), notices));
                    long rows = new ArchiveRestorer(tools, redactor, progress, run.guard())
                            .restoreAs(live, set, target, exists, jobs, clock.instant());
                    return new RestoreResult(set.name(), target, live.url().withDatabase(target).masked(),
                            set.manifest().tables().size(), rows, exists, live.url().password().isPresent(),
                            set.match(), set.manifest().databaseAndServer(),
                            configuredMissing(live) ? Optional.of(configured.database()) : Optional.empty());
                } catch (BackupCorruptException corrupt) {
                    if (!run.guard().stopping()) { // recorded as verify records it: list and check must see it
                        json.write(set.manifestPath(), set.manifest().withVerification(new Verification(
                                VerificationState.FAILED, clock.instant(), List.of(), corrupt.getMessage())));
                    }
                    throw corrupt;
                }
            }
        }, result -> null, result -> result.tables() + " tables, " + result.rows() + " rows, row counts equal the "
                + "manifest's" + (result.replaced() ? "; replaced the existing database" : ""));
    }

    /**
     * Plans retention over the sets of {@code scope} (with all databases, each database's sets
     * by the same rules) and, with {@code apply}, removes what the plan removes.
     */
    public PruneResult prune(PrunePolicy policy, boolean apply, Duration lockWait, DatabaseScope scope) {
        return logged(apply ? "prune" : "prune-dry-run", result -> null, PruneResult::freedBytes, () -> {
            if (!apply) {
                return plan(policy, false, scope);
            }
            SecureFiles.privateDirectory(directory);
            try (BackupLock ignored = BackupLock.acquire(directory, holder("backup prune --apply"), lockWait)) {
                return plan(policy, true, scope);
            }
        });
    }

    private PruneResult plan(PrunePolicy policy, boolean apply, DatabaseScope scope) {
        return new PrunePlan(registry).run(catalog().read().only(scope), policy, clock.instant(), apply);
    }

    /** The monitoring verdict on the sets of {@code scope}; reads only the backup directory. */
    public CheckResult check(CheckThresholds thresholds, DatabaseScope scope) {
        Instant started = clock.instant();
        CheckResult result;
        try {
            BackupCatalog sets = catalog();
            result = HealthCheck.evaluate(sets.read().only(scope), thresholds, clock.instant(), directory.toString(),
                    scope == DatabaseScope.ALL_DATABASES ? Optional.empty() : Optional.of(sets.thisDatabase()));
        } catch (RuntimeException unreadable) {
            result = new CheckResult(CheckStatus.UNKNOWN, "BACKUP UNKNOWN - " + unreadable.getMessage(), Optional.empty());
        }
        log.append(new BackupLog.Entry(clock.instant(), "check", result.newest().map(BackupSet::name).orElse(null),
                result.status().name().toLowerCase(Locale.ROOT), Duration.between(started, clock.instant()),
                null, result.line()));
        return result;
    }

    private static BackupSet resolve(BackupCatalog sets, Optional<String> name, DatabaseScope scope) {
        return name.map(sets::find).orElseGet(() -> sets.latest(scope));
    }

    /** Temporary files of a run that died: safe to remove, we hold the lock every writer needs. */
    private void removeLeftovers() {
        try (var files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().startsWith(Dumper.TEMPORARY_PREFIX))
                    .forEach(SecureFiles::deleteRecursively);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot list " + directory, failure);
        }
    }

    private LockHolder holder(String command) {
        return LockHolder.current(command, clock.instant());
    }

    private <T> T logged(String command, Function<T, String> name, Function<T, Long> bytes, Supplier<T> work) {
        return logged(command, name, bytes, new StepTimes(), guard -> work.get());
    }

    /** Runs {@code work} as a {@link TrackedRun}: its line in the backup log says ok, failed or interrupted. */
    private <T> T logged(String command, Function<T, String> name, Function<T, Long> bytes, StepTimes steps,
                         Function<RunGuard, T> work) {
        return TrackedRun.run(log, clock, command, run -> {
            run.steps(steps);
            T result = work.apply(run.guard());
            run.backup(name.apply(result));
            return result;
        }, bytes, result -> null);
    }
}
