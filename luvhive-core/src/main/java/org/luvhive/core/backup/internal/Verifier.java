package org.luvhive.core.backup.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.luvhive.core.backup.BackupCorruptException;
import org.luvhive.core.backup.BackupProgress;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.ManifestFile;
import org.luvhive.core.backup.RestoreFailedException;
import org.luvhive.core.backup.Verification;
import org.luvhive.core.backup.VerificationState;
import org.luvhive.core.backup.VerifyResult;
import org.luvhive.core.db.Database;

/**
 * Proves a backup, step by step, and records in its manifest exactly what was proven:
 * every file's size and SHA-256 against the manifest; a full read of the archive by
 * pg_restore (every data block decompressed); and, when asked, a restore into a scratch
 * database whose row counts must equal the manifest's, dropped afterwards. A failure is
 * recorded too. A restore test that cannot run (the role may not create databases) is
 * named, and the proofs before it are recorded without it. A passed restore test is kept
 * by later plain verifies while the checksums still match. Not thread-safe.
 */
public final class Verifier {

    private final PgToolsLocator locator;
    private final ManifestJson json;
    private final Clock clock;
    private final Redactor redactor;
    private final BackupProgress progress;
    private final InUseRegistry registry;
    private final RunGuard guard;
    private final Consumer<String> notices;

    public Verifier(PgToolsLocator locator, ManifestJson json, Clock clock, Redactor redactor, BackupProgress progress,
                    InUseRegistry registry, RunGuard guard, Consumer<String> notices) {
        this.locator = locator;
        this.json = json;
        this.clock = clock;
        this.redactor = redactor;
        this.progress = progress;
        this.registry = registry;
        this.guard = guard;
        this.notices = notices;
    }

    /** Verifies {@code set}; {@code live} is needed only for a restore test (null otherwise). */
    public VerifyResult verify(BackupSet set, Database live, int jobs) {
        Verification previous = set.manifest().verification();
        List<String> proved = new ArrayList<>();
        long bytes;
        PgTools tools;
        try {
            bytes = checksums(set);
            proved.add("all " + set.manifest().files().size() + " file(s), " + bytes
                    + " bytes, match the sizes and SHA-256 checksums in the manifest");
            tools = locator.locate(majorOf(set.manifest().serverVersion()));
            fullRead(tools, set);
            proved.add("pg_restore " + tools.major() + " read the whole archive (every data block) without error");
        } catch (BackupCorruptException corrupt) {
            recordUnlessStopping(set, previous.keepingRestoreTest(VerificationState.FAILED, clock.instant(), proved,
                    corrupt.getMessage()));
            throw corrupt;
        }
        if (live == null) {
            return passed(set, previous, proved, bytes, null);
        }
        BackupDao server = live.jdbi().onDemand(BackupDao.class);
        dropStaleScratch(live);
        int allowed = live.jdbi().withHandle(handle -> ConnectionBudget.clampJobs(handle.getConnection(), jobs, notices));
        String scratch = ScratchDatabases.newName(ScratchDatabases.VERIFY_PREFIX, clock.instant());
        try {
            ArchiveRestorer.create(server, scratch);
        } catch (RestoreFailedException cannot) {
            return passed(set, previous, proved, bytes, "restore test could not run: " + cannot.getMessage());
        }
        try {
            long rows = new ArchiveRestorer(tools, redactor, progress, guard).restoreCreated(live, set, scratch, allowed);
            server.dropDatabase(BackupDao.quote(scratch));
            String proof = "restored into the scratch database " + scratch + " (since dropped): "
                    + set.manifest().tables().size() + " tables, " + rows
                    + " rows, every row count equal to the manifest's";
            proved.add(proof);
            record(set, new Verification(VerificationState.RESTORE_TESTED, clock.instant(), proved, null,
                    clock.instant(), proof));
            return new VerifyResult(set.name(), VerificationState.RESTORE_TESTED, proved, bytes, null, set.match(),
                    set.manifest().databaseAndServer());
        } catch (BackupCorruptException | RestoreFailedException failed) {
            // these bytes did not restore: an earlier passed restore test no longer stands
            recordUnlessStopping(set, new Verification(VerificationState.FAILED, clock.instant(), proved,
                    failed.getMessage()));
            throw failed;
        }
    }

    /** The checks passed; a restore test passed earlier on these same bytes still stands. */
    private VerifyResult passed(BackupSet set, Verification previous, List<String> proved, long bytes, String notRun) {
        VerificationState state = VerificationState.VERIFIED;
        if (previous.restoreTested()) {
            proved.add("restore-tested at " + previous.restoreTestedAt() + " ("
                    + previous.restoreTestProved() + "); the checksums show the archive is unchanged since");
            state = VerificationState.RESTORE_TESTED;
        }
        record(set, previous.keepingRestoreTest(state, clock.instant(), proved, notRun));
        return new VerifyResult(set.name(), state, proved, bytes, notRun, set.match(),
                set.manifest().databaseAndServer());
    }

    private long checksums(BackupSet set) {
        long total = set.manifest().files().stream().mapToLong(ManifestFile::bytes).sum();
        progress.begin("SHA-256", Math.max(1, total));
        try {
            long bytes = Checksums.verify(set.archive().getParent(), set.manifest().archive(), set.manifest().files());
            progress.advanceTo(Math.max(1, total), "");
            return bytes;
        } finally {
            progress.end();
        }
    }

    private void fullRead(PgTools tools, BackupSet set) {
        TableProgress tableProgress = new TableProgress(progress, "full read", set.manifest().tableBytes());
        PgProcess.Result result;
        try {
            result = PgProcess.start(List.of(tools.pgRestore().toString(), "--verbose", "--file=/dev/null",
                    set.archive().toString()), Map.of(), redactor, tableProgress).await();
        } finally {
            tableProgress.finish();
        }
        if (!result.succeeded()) {
            throw new BackupCorruptException("pg_restore cannot read all of " + set.archive().getFileName() + ": "
                    + result.summary(), set.manifest().archive(), "readable", "unreadable");
        }
    }

    private void dropStaleScratch(Database live) {
        try {
            ScratchDatabases.dropStale(live, registry, clock.instant(), notices);
        } catch (RuntimeException unreadable) {
            notices.accept("cannot look for scratch databases left by interrupted runs: "
                    + ArchiveRestorer.serverReason(unreadable));
        }
    }

    private void recordUnlessStopping(BackupSet set, Verification verification) {
        if (!guard.stopping()) { // a killed pg_restore says nothing about the backup
            record(set, verification);
        }
    }

    private void record(BackupSet set, Verification verification) {
        json.write(set.manifestPath(), set.manifest().withVerification(verification));
    }

    static int majorOf(String serverVersion) {
        String digits = serverVersion.strip().split("[^0-9]", 2)[0];
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
