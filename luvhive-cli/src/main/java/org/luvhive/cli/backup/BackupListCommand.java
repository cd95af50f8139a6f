package org.luvhive.cli.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.luvhive.cli.ExitCode;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.backup.BackupCatalog;
import org.luvhive.core.backup.BackupSet;
import org.luvhive.core.backup.HumanFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luvhive backup list}: the complete backups, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List complete backups, newest first: name, time, age, size, format, verification.")
public final class BackupListCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final CliContext context;

    @Mixin
    JsonOption json;

    BackupListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BackupCatalog.Listing listing = BackupCli.backups(context, json.enabled()).list();
        Instant now = context.clock().instant();
        if (json.enabled()) {
            context.out().println(context.json().render(listing.sets().stream()
                    .map(set -> BackupCli.asJson(set, now)).toList()));
            return ExitCode.OK.code();
        }
        var out = context.out();
        if (listing.sets().isEmpty()) {
            out.println("No complete backup in " + context.config().backupDir() + " (run 'luvhive backup create').");
        } else {
            out.printf("%-36s %-20s %-8s %-10s %-9s %s%n", "NAME", "COMPLETED (UTC)", "AGE", "SIZE", "FORMAT",
                    "VERIFICATION");
            for (BackupSet set : listing.sets()) {
                out.printf("%-36s %-20s %-8s %-10s %-9s %s%n", set.name(), TIME.format(set.completedAt()),
                        HumanFormat.age(Duration.between(set.completedAt(), now)), HumanFormat.bytes(set.sizeBytes()),
                        set.manifest().format(), set.verificationState().label());
            }
        }
        listing.problems().forEach(problem -> context.err().println("luvhive: not a usable backup: " + problem));
        listing.orphans().forEach(orphan -> context.err().println("luvhive: archive without a manifest "
                + "(an interrupted run; 'backup prune --apply' removes it): " + orphan.getFileName()));
        return ExitCode.OK.code();
    }
}
