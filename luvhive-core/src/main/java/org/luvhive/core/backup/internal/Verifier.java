package org.luvhive.core.backup.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.luvhive.core.LuvhiveException;
import org.luvhive.core.backup.BackupCorruptException;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.Verification;
import org.luvhive.core.backup.VerificationState;
import org.luvhive.core.backup.VerifyResult;
import org.luvhive.core.db.Database;

/**
 * Proves a backup, step by step, and records in its manifest exactly what was proven:
 * every file's size and SHA-256 against the manifest; a full read of the archive by
 * pg_restore (every data block decompressed); and, when asked, a restore into a scratch
 * database whose row counts must equal the manifest's, dropped afterwards. A failure is
 * recorded too. Not thread-safe.
 */
public final class Verifier {

    private static final DateTimeFormatter SCRATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final PgToolsLocator locator;
    private final ManifestJson json;
    private final Clock clock;
    private final Redactor redactor;
    private final org.luvhive.core.backup.BackupProgress progress;

    public Verifier(PgToolsLocator locator, ManifestJson json, Clock clock, Redactor redactor,
                    org.luvhive.core.backup.BackupProgress progress) {
        this.locator = locator;
        this.json = json;
        this.clock = clock;
        this.redactor = redactor;
        this.progress = progress;
    }

    /** Verifies {@code set}; {@code live} is needed only for a restore test (null otherwise). */
    public VerifyResult verify(BackupSet set, Database live, int jobs) {
        List<String> proved = new ArrayList<>();
        try {
            long bytes = Checksums.verify(set.archive().getParent(), set.manifest().archive(), set.manifest().files());
            proved.add("all " + set.manifest().files().size() + " file(s), " + bytes
                    + " bytes, match the sizes and SHA-256 checksums in the manifest");
            PgTools tools = locator.locate(majorOf(set.manifest().serverVersion()));
            fullRead(tools, set);
            proved.add("pg_restore " + tools.major() + " read the whole archive (every data block) without error");
            VerificationState state = VerificationState.VERIFIED;
            if (live != null) {
                String scratch = "luvhive_verify_" + SCRATCH_TIME.format(clock.instant()) + "_"
                        + UUID.randomUUID().toString().substring(0, 6);
                long rows;
                try {
                    rows = new ArchiveRestorer(tools, redactor, progress).restore(live, set, scratch, jobs);
                } finally {
                    live.jdbi().onDemand(BackupDao.class).dropDatabase(BackupDao.quote(scratch));
                }
                proved.add("restored into the scratch database " + scratch + " (since dropped): "
                        + set.manifest().tables().size() + " tables, " + rows + " rows, every row count equal to the manifest's");
                state = VerificationState.RESTORE_TESTED;
            }
            record(set, new Verification(state, clock.instant(), proved, null));
            return new VerifyResult(set.name(), state, proved, bytes);
        } catch (LuvhiveException failure) {
            if (failure instanceof BackupCorruptException || failure instanceof org.luvhive.core.backup.RestoreFailedException) {
                record(set, new Verification(VerificationState.FAILED, clock.instant(), proved, failure.getMessage()));
            }
            throw failure;
        }
    }

    private void fullRead(PgTools tools, BackupSet set) {
        PgProcess.Result result = PgProcess.start(List.of(tools.pgRestore().toString(), "--file=/dev/null",
                set.archive().toString()), Map.of(), redactor, line -> { }).await();
        if (!result.succeeded()) {
            throw new BackupCorruptException("pg_restore cannot read " + set.archive().getFileName() + " through: "
                    + result.summary(), set.manifest().archive(), "readable", "unreadable");
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
