package org.luvhive.core.backup.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.luvhive.core.backup.BackupCatalog;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.CheckResult;
import org.luvhive.core.backup.CheckStatus;
import org.luvhive.core.backup.CheckThresholds;
import org.luvhive.core.backup.HumanFormat;
import org.luvhive.core.backup.VerificationState;

/**
 * The monitoring verdict on the newest complete backup: CRITICAL when there is none, it
 * is too old or too small, or its last verification failed; WARNING when it stays
 * unverified past the grace period or passes the warning age; OK otherwise. Reads only
 * the backup directory, so it works while the database is down. Stateless.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static CheckResult evaluate(BackupCatalog.Listing listing, CheckThresholds thresholds, Instant now,
                                       String directory) {
        if (listing.sets().isEmpty()) {
            return new CheckResult(CheckStatus.CRITICAL, "BACKUP CRITICAL - no complete backup in " + directory,
                    Optional.empty());
        }
        BackupSet newest = listing.sets().get(0);
        Duration age = Duration.between(newest.completedAt(), now);
        VerificationState state = newest.verificationState();
        CheckStatus status = CheckStatus.OK;
        List<String> problems = new ArrayList<>();
        if (age.compareTo(thresholds.maxAge()) > 0) {
            status = CheckStatus.CRITICAL;
            problems.add("older than " + HumanFormat.age(thresholds.maxAge()));
        } else if (thresholds.warnAge().isPresent() && age.compareTo(thresholds.warnAge().get()) > 0) {
            status = CheckStatus.WARNING;
            problems.add("older than " + HumanFormat.age(thresholds.warnAge().get()));
        }
        if (newest.sizeBytes() < thresholds.minSize()) {
            status = status.worst(CheckStatus.CRITICAL);
            problems.add("smaller than " + HumanFormat.bytes(thresholds.minSize()));
        }
        if (state == VerificationState.FAILED) {
            status = status.worst(CheckStatus.CRITICAL);
            problems.add("its verification FAILED");
        } else if (state == VerificationState.UNVERIFIED && age.compareTo(thresholds.verifyGrace()) > 0) {
            status = status.worst(CheckStatus.WARNING);
            problems.add("not verified " + HumanFormat.age(thresholds.verifyGrace()) + " after it was taken");
        }
        String line = "BACKUP " + status.name() + " - newest " + newest.name() + " " + HumanFormat.age(age) + " ago, "
                + HumanFormat.bytes(newest.sizeBytes()) + ", " + state.label()
                + (problems.isEmpty() ? "" : ": " + String.join("; ", problems))
                + " | age=" + age.toSeconds() + "s;" + thresholds.warnAge().map(warn -> warn.toSeconds() + "").orElse("")
                + ";" + thresholds.maxAge().toSeconds() + " size=" + newest.sizeBytes() + "B;;" + thresholds.minSize()
                + " backups=" + listing.sets().size();
        return new CheckResult(status, line, Optional.of(newest));
    }
}
