package org.luvhive.cli.inbox;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.update.Quarantine;
import org.luvhive.core.update.QuarantinedUpdate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code luvhive inbox quarantine}: the updates the bots could not store or understand,
 * newest first, with the reason and their bytes as received (escaped). Exit 0 when the
 * quarantine is empty, 22 when it holds updates.
 */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = {"List the updates that could not be stored or understood (set aside, confirmed to Telegram), "
                + "newest first: when, update_id, source, why, and the bytes as received, escaped.",
                "Kept 14 days. Exit 0 when there are none, 22 when there are."})
public final class InboxQuarantineCommand implements Callable<Integer>, DocumentsExitCodes {

    private static final int PREVIEW_CHARS = 160;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Show at most N updates (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--full", description = "Show all the bytes of each update, not the first " + PREVIEW_CHARS
            + " characters.")
    boolean full;

    InboxQuarantineCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.DATABASE_UNAVAILABLE, ExitCode.SCHEMA_OUTDATED,
                ExitCode.QUARANTINE_NOT_EMPTY);
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
        }
        Quarantine quarantine = new Quarantine(context.migratedDatabase().jdbi());
        long total = quarantine.count();
        List<QuarantinedUpdate> updates = quarantine.newest(limit);
        ExitCode outcome = total == 0 ? ExitCode.OK : ExitCode.QUARANTINE_NOT_EMPTY;
        int chars = full ? Integer.MAX_VALUE : PREVIEW_CHARS;
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("total", total);
            document.put("updates", updates.stream().map(update -> json(update, chars)).toList());
            document.put("exit_code", outcome.code());
            context.out().println(context.json().render(document));
        } else {
            print(total, updates, chars, context.clock().instant(), context.out());
        }
        return outcome.code();
    }

    private static Map<String, Object> json(QuarantinedUpdate update, int chars) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", update.id());
        row.put("update_id", update.updateId());
        row.put("user_id", update.userId());
        row.put("quarantined_at", update.quarantinedAt().toString());
        row.put("source", update.source());
        row.put("category", update.category());
        row.put("reason", update.reason());
        row.put("size_bytes", update.rawSize());
        row.put("raw", update.escaped(chars));
        return row;
    }

    private static void print(long total, List<QuarantinedUpdate> updates, int chars, Instant now, PrintWriter out) {
        if (total == 0) {
            out.println("The quarantine is empty: every update received was stored.");
            return;
        }
        out.printf("%d update(s) in quarantine%s; newest first:%n", total,
                updates.size() < total ? " (showing " + updates.size() + ", --limit for more)" : "");
        for (QuarantinedUpdate update : updates) {
            out.printf("%n#%d  %s (%s ago)  update %s  via %s  %d bytes%n", update.id(), update.quarantinedAt(),
                    ago(Duration.between(update.quarantinedAt(), now)),
                    update.updateIdIfKnown().map(String::valueOf).orElse("without update_id"), update.source(),
                    update.rawSize());
            out.printf("  %s: %s%n", update.category(), update.reason());
            out.printf("  %s%n", update.escaped(chars));
        }
    }

    private static String ago(Duration duration) {
        if (duration.toHours() >= 48) {
            return duration.toDays() + " d";
        }
        if (duration.toMinutes() >= 120) {
            return duration.toHours() + " h";
        }
        return Math.max(0, duration.toMinutes()) + " min";
    }
}
