package org.luvhive.cli.backup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.backup.CheckResult;
import org.luvhive.core.backup.CheckStatus;
import org.luvhive.core.backup.CheckThresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code luvhive backup check}: a Nagios-style freshness and size check for monitoring. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"One status line on the newest backup, for monitoring. Exit codes follow Nagios:",
                "0 OK, 1 WARNING (unverified past the grace, older than --warn-age), 2 CRITICAL (none, older than",
                "--max-age, smaller than --min-size, verification failed), 3 UNKNOWN. Needs no database."})
public final class BackupCheckCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--max-age", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "26h",
            description = "CRITICAL when the newest backup is older (default 26h).")
    Duration maxAge;

    @Option(names = "--warn-age", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "WARNING when the newest backup is older (default: off).")
    Duration warnAge;

    @Option(names = "--min-size", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "1",
            description = "CRITICAL when the newest backup is smaller (e.g. 10MiB; default 1 byte).")
    long minSize;

    @Option(names = "--verify-grace", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "2h", description = "WARNING when the newest backup is still unverified after this (default 2h).")
    Duration verifyGrace;

    @Mixin
    JsonOption json;

    BackupCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CheckResult result;
        try {
            result = BackupCli.backups(context, true)
                    .check(new CheckThresholds(maxAge, Optional.ofNullable(warnAge), minSize, verifyGrace));
        } catch (RuntimeException unusable) { // configuration, unreadable directory: the Nagios UNKNOWN
            result = new CheckResult(CheckStatus.UNKNOWN, "BACKUP UNKNOWN - " + unusable.getMessage(), Optional.empty());
        }
        if (json.enabled()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", result.status().name());
            out.put("code", result.status().nagiosCode());
            out.put("line", result.line());
            out.put("backup", result.newest().map(set -> set.name()).orElse(null));
            context.out().println(context.json().render(out));
        } else {
            context.out().println(result.line());
        }
        return result.status().nagiosCode();
    }
}
