package org.luvhive.core.backup.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.luvhive.core.backup.BackupCatalog;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.BrokenSet;
import org.luvhive.core.backup.CheckResult;
import org.luvhive.core.backup.CheckStatus;
import org.luvhive.core.backup.CheckThresholds;
import org.luvhive.core.backup.HumanFormat;
import org.luvhive.core.backup.ThisDatabase;
import org.luvhive.core.backup.VerificationState;

/**
 * The monitoring verdict on the newest backup. CRITICAL when there is none, when the
 * newest set is broken (its archive missing or of another size than its manifest says,
 * its manifest unreadable, incomplete or untrusted: an older good set does not make that
 * OK), when the newest usable set is too old or too small, or its last verification
 * failed. WARNING when it stays unverified past the grace period or passes the warning
 * age, when a set says it completed in the future (clock skew or an edited manifest;
 * it is not taken as the newest), or when older sets are broken. Judges the listing it is
 * given: this database's sets (other databases' are named, never counted), or all. Reads
 * only the backup directory (a stat per archive file, no hashing), so it works while the
 * database is down. Stateless.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    /** {@code thisDatabase}: the database whose sets {@code listing} holds; empty when it holds every database's. */
    public static CheckResult evaluate(BackupCatalog.Listing listing, CheckThresholds thresholds, Instant now,
                                       String directory, Optional<ThisDatabase> thisDatabase) {
        List<BackupSet> future = listing.sets().stream().filter(set -> set.completedInFuture(now)).toList();
        Optional<BackupSet> newest = listing.sets().stream().filter(set -> !set.completedInFuture(now)).findFirst();
        List<BrokenSet> newerBroken = listing.broken().stream()
                .filter(broken -> newest.isEmpty() || !broken.time().isBefore(newest.get().completedAt())).toList();
        if (newest.isEmpty() && future.isEmpty() && newerBroken.isEmpty()) {
            return new CheckResult(CheckStatus.CRITICAL, "BACKUP CRITICAL - no complete backup "
                    + thisDatabase.map(database -> "of " + database.describe() + " ").orElse("") + "in " + directory
                    + others(listing), Optional.empty(), listing.otherDatabases().size());
        }
        CheckStatus status = CheckStatus.OK;
        List<String> problems = new ArrayList<>();
        List<String> subject = new ArrayList<>();
        if (!newerBroken.isEmpty()) {
            BrokenSet broken = newerBroken.get(0);
            status = CheckStatus.CRITICAL;
            subject.add("newest " + broken.name() + " is " + broken.state().label().toUpperCase(Locale.ROOT)
                    + " (" + broken.reason() + ")");
        }
        if (newest.isPresent()) {
            BackupSet set = newest.get();
            Duration age = age(set, now);
            subject.add((newerBroken.isEmpty() ? "newest " : "newest usable ") + set.name() + " "
                    + HumanFormat.age(age) + " ago, " + HumanFormat.bytes(set.sizeBytes()) + ", "
                    + set.verificationState().label() + belonging(set));
            status = status.worst(judge(set, age, thresholds, problems));
        } else {
            subject.add("no usable backup with a believable completion time");
            status = status.worst(newerBroken.isEmpty() ? CheckStatus.WARNING : CheckStatus.CRITICAL);
        }
        for (BackupSet set : future) {
            status = status.worst(CheckStatus.WARNING);
            problems.add(set.name() + " says it completed " + HumanFormat.age(Duration.between(now, set.completedAt()))
                    + " in the future (clock skew or an edited manifest)");
        }
        int olderBroken = listing.broken().size() - Math.min(1, newerBroken.size());
        if (olderBroken > 0) {
            status = status.worst(CheckStatus.WARNING);
            problems.add(olderBroken + " other set(s) broken (see 'luvhive backup list')");
        }
        String line = "BACKUP " + status.name() + " - " + String.join("; ", subject)
                + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)) + others(listing)
                + " | " + perfdata(newest, thresholds, now) + "backups=" + listing.sets().size()
                + " broken=" + listing.broken().size();
        return new CheckResult(status, line,
                newest.isPresent() ? newest : newerBroken.stream().flatMap(broken -> broken.set().stream()).findFirst(),
                listing.otherDatabases().size());
    }

    /** How the newest set is this database's, when it is not by its recorded identity. */
    private static String belonging(BackupSet set) {
        return switch (set.match()) {
            case SAME -> "";
            case IDENTITY_UNKNOWN -> ", identity unknown (matched by database name and server)";
            case FOREIGN -> ", of another database: " + set.manifest().databaseAndServer();
        };
    }

    /** The sets of other databases that were left out, named: they neither count nor alert. */
    private static String others(BackupCatalog.Listing listing) {
        List<BackupSet> others = listing.otherDatabases();
        return others.isEmpty() ? "" : " (ignored " + others.size() + " set(s) of other databases, newest "
                + others.get(0).name() + " of " + others.get(0).manifest().databaseAndServer() + ")";
    }

    /** Age, size and verification of the newest usable set. */
    private static CheckStatus judge(BackupSet newest, Duration age, CheckThresholds thresholds, List<String> problems) {
        CheckStatus status = CheckStatus.OK;
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
        VerificationState state = newest.verificationState();
        if (state == VerificationState.FAILED) {
            status = status.worst(CheckStatus.CRITICAL);
            problems.add("its verification FAILED");
        } else if (state == VerificationState.UNVERIFIED && age.compareTo(thresholds.verifyGrace()) > 0) {
            status = status.worst(CheckStatus.WARNING);
            problems.add("not verified " + HumanFormat.age(thresholds.verifyGrace()) + " after it was taken");
        }
        return status;
    }

    /**
     * Nagios perfdata in range syntax: {@code age=Ns;WARN;CRIT} alerts above the limits;
     * {@code size=NB;;MIN:} alerts below the minimum.
     */
    private static String perfdata(Optional<BackupSet> newest, CheckThresholds thresholds, Instant now) {
        if (newest.isEmpty()) {
            return "";
        }
        return "age=" + age(newest.get(), now).toSeconds() + "s;"
                + thresholds.warnAge().map(warn -> Long.toString(warn.toSeconds())).orElse("") + ";"
                + thresholds.maxAge().toSeconds() + ";0; size=" + newest.get().sizeBytes() + "B;;"
                + thresholds.minSize() + ":;0; ";
    }

    /** Never negative: a set within the clock-skew tolerance counts as just completed. */
    private static Duration age(BackupSet set, Instant now) {
        Duration age = Duration.between(set.completedAt(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
