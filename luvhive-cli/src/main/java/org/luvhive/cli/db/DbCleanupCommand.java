package org.luvhive.cli.db;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.dbops.DatabaseCleanup;
import org.luvhive.core.dbops.DatabaseCleanup.CleanupCount;
import org.luvhive.core.ops.RetentionJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luvhive db cleanup [--apply]}: the bot's retention jobs, now; a dry run unless --apply. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Run the bot's retention jobs now: handled and dead updates, idle rate-limit buckets, user ids "
                + "in old updates, sent messages, relay maps of ended chats, alert states and reports of instances gone "
                + "for a day, old size samples.",
                "A dry run (counts what would go) unless --apply, which deletes in batches of 1000 rows, each its own "
                        + "short statement, so no lock is held long."})
public final class DbCleanupCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    @Option(names = "--apply", description = "Delete (without it, only count).")
    boolean apply;

    DbCleanupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DatabaseCleanup cleanup = RetentionJobs.cleanup(context.migratedDatabase(), context.config(), context.clock(),
                context.registry());
        Instant now = context.clock().instant();
        long started = System.nanoTime();
        List<CleanupCount> counts = apply ? cleanup.apply(now) : cleanup.dryRun(now);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        long total = counts.stream().mapToLong(CleanupCount::rows).sum();
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("applied", apply);
            document.put("at", now.toString());
            document.put("took_ms", tookMillis);
            document.put("total_rows", total);
            document.put("steps", counts.stream().map(count -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", count.name());
                row.put("what", count.description());
                row.put("rows", count.rows());
                return row;
            }).toList());
            context.out().println(context.json().render(document));
        } else {
            context.out().println(apply ? "Removed:" : "Would remove (dry run; --apply to delete):");
            counts.forEach(count -> context.out().printf("  %10d  %-18s %s%n", count.rows(), count.name(),
                    count.description()));
            context.out().printf("%d row(s) %s%s.%n", total, apply ? "removed in " : "in all",
                    apply ? DbText.duration(Duration.ofMillis(tookMillis)) : "");
        }
        return ExitCode.OK.code();
    }
}
