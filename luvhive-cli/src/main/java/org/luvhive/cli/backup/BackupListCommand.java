package org.luvhive.cli.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.backup.BackupCatalog;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.Backups;
import org.luvhive.core.backup.BrokenSet;
import org.luvhive.core.backup.DatabaseMatch;
import org.luvhive.core.backup.DatabaseScope;
import org.luvhive.core.backup.HumanFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luvhive backup list}: this database's backups, newest first, with the broken ones flagged. */
@Command(name = "list", mixinStandardHelpOptions = true,
        header = "List this database's backups, newest first: name, time, age, size, format, state, database, "
                + "verification.",
        description = {"STATE is ok, or FUTURE (completion time ahead of this clock), DAMAGED (a file missing or of "
                + "another size than the manifest says), MISSING (archive gone), EDITED (the manifest changed since "
                + "luvhive wrote it), INCOMPLETE or CORRUPT (manifest).",
                "DATABASE is this (the recorded identity is this database's), by-name (no identity to compare: "
                        + "matched by database name and server) or OTHER (another database's, listed only with "
                        + "--all-databases)."})
public final class BackupListCommand implements Callable<Integer>, DocumentsExitCodes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String ROW = "%-36s %-20s %-8s %-10s %-9s %-10s %-9s %s%n";

    private final CliContext context;

    @Mixin
    AllDatabasesOption databases;

    @Mixin
    JsonOption json;

    BackupListCommand(CliContext context) {
        this.context = context;
    }

    /** One line of the listing: a usable set, or a broken one (with its set when its manifest is valid). */
    private record Row(Instant time, String name, BackupSet set, String state, String reason) {
    }

    @Override
    public Integer call() {
        Backups backups = BackupCli.backups(context, json.enabled());
        BackupCatalog.Listing listing = backups.list(databases.scope());
        Instant now = context.clock().instant();
        List<Row> rows = new ArrayList<>();
        for (BackupSet set : listing.sets()) {
            boolean future = set.completedInFuture(now);
            rows.add(new Row(set.completedAt(), set.name(), set, future ? "FUTURE" : "ok", future
                    ? "completed " + HumanFormat.age(Duration.between(now, set.completedAt()))
                    + " in the future: clock skew or an edited manifest" : null));
        }
        for (BrokenSet broken : listing.broken()) {
            rows.add(new Row(broken.time(), broken.name(), broken.set().orElse(null),
                    broken.state().label().toUpperCase(Locale.ROOT), broken.reason()));
        }
        rows.sort(Comparator.comparing(Row::time).reversed());
        if (json.enabled()) {
            List<Map<String, Object>> out = new ArrayList<>();
            rows.forEach(row -> out.add(asJson(row, now)));
            listing.orphans().forEach(orphan -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", orphan.getFileName().toString());
                entry.put("state", "orphan");
                entry.put("reason", "archive without a manifest");
                entry.put("archive", orphan.toString());
                out.add(entry);
            });
            context.out().println(context.json().render(out));
            printWhoseTheyAre(rows, listing);
            return ExitCode.OK.code();
        }
        print(rows, now, databases.scope() == DatabaseScope.ALL_DATABASES ? ""
                : " of " + backups.catalog().thisDatabase().describe());
        rows.stream().filter(row -> row.reason() != null).forEach(row -> context.err()
                .println("luvhive: " + row.name() + " is " + row.state() + ": " + row.reason()));
        listing.orphans().forEach(orphan -> context.err().println("luvhive: archive without a manifest "
                + "(an interrupted run; 'backup prune --apply' removes it after a day): " + orphan.getFileName()));
        printWhoseTheyAre(rows, listing);
        return ExitCode.OK.code();
    }

    /** Sets of other databases, named (or counted when left out); sets matched by name only, counted. */
    private void printWhoseTheyAre(List<Row> rows, BackupCatalog.Listing listing) {
        rows.stream().map(Row::set).filter(set -> set != null && set.foreign()).forEach(set -> context.err()
                .println("luvhive: " + set.name() + " is a backup of another database: "
                        + set.manifest().databaseAndServer()));
        long byName = rows.stream().map(Row::set)
                .filter(set -> set != null && set.match() == DatabaseMatch.IDENTITY_UNKNOWN).count();
        if (byName > 0) {
            context.err().println("luvhive: " + byName + " set(s) matched by database name and server, their "
                    + "identity unknown (written before luvhive recorded it, or no create has recorded this "
                    + "database's yet)");
        }
        BackupCli.otherDatabases(listing.otherDatabases(), "not listed").ifPresent(context.err()::println);
    }

    private void print(List<Row> rows, Instant now, String ofDatabase) {
        var out = context.out();
        if (rows.isEmpty()) {
            out.println("No complete backup" + ofDatabase + " in " + context.config().backupDir()
                    + " (run 'luvhive backup create').");
            return;
        }
        out.printf(ROW, "NAME", "COMPLETED (UTC)", "AGE", "SIZE", "FORMAT", "STATE", "DATABASE", "VERIFICATION");
        for (Row row : rows) {
            BackupSet set = row.set();
            out.printf(ROW, row.name(), set == null ? "-" : TIME.format(set.completedAt()),
                    set == null ? "-" : set.completedInFuture(now) ? "future" : HumanFormat.age(Duration.between(
                            set.completedAt(), now)), set == null ? "-" : HumanFormat.bytes(set.sizeBytes()),
                    set == null ? "-" : set.manifest().format(), row.state(), set == null ? "-" : database(set.match()),
                    set == null ? "-" : set.verificationState().label());
        }
    }

    private static String database(DatabaseMatch match) {
        return switch (match) {
            case SAME -> "this";
            case IDENTITY_UNKNOWN -> "by-name";
            case FOREIGN -> "OTHER";
        };
    }

    private static Map<String, Object> asJson(Row row, Instant now) {
        Map<String, Object> json;
        if (row.set() == null) {
            json = new LinkedHashMap<>();
            json.put("name", row.name());
        } else {
            json = BackupCli.asJson(row.set(), now);
        }
        json.put("state", row.state().toLowerCase(Locale.ROOT));
        json.put("reason", row.reason());
        return json;
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.CONFIG_INVALID, ExitCode.FAILURE);
    }
}
