package org.luvhive.cli.backup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DurationConverter;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.cli.support.SizeConverter;
import org.luvhive.core.backup.CheckResult;
import org.luvhive.core.backup.CheckStatus;
import org.luvhive.core.backup.CheckThresholds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code luvhive backup check}: a Nagios-style freshness and size check for monitoring.
 * Its options are parsed here, not by picocli, so that a bad argument is a Nagios
 * UNKNOWN (3) with a status line, not a usage error (2) that would read as CRITICAL.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "One Nagios status line on this database's newest backup, for monitoring (needs no database).",
        description = "Sets of other databases in the backup directory are named and not counted, unless "
                + "--all-databases. Without a connection, this database is known by the identity the last create "
                + "recorded for this configuration, else by its name and server (see README).",
        exitCodeListHeading = "%nExit codes (Nagios plugin rules):%n",
        exitCodeList = {"0:OK",
                "1:WARNING: unverified past the grace, older than --warn-age, a completion time in the future, "
                        + "older sets broken",
                "2:CRITICAL: no backup, the newest broken (archive missing or not the manifest's size, manifest edited), "
                        + "older than "
                        + "--max-age, smaller than --min-size, verification failed",
                "3:UNKNOWN: a bad argument, the backup directory unreadable"})
public final class BackupCheckCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "26h", arity = "0..1", fallbackValue = "",
            description = "CRITICAL when the newest backup is older (default 26h).")
    String maxAge;

    @Option(names = "--warn-age", paramLabel = "DURATION", arity = "0..1", fallbackValue = "",
            description = "WARNING when the newest backup is older (default: off).")
    String warnAge;

    @Option(names = "--min-size", paramLabel = "SIZE", defaultValue = "1", arity = "0..1", fallbackValue = "",
            description = "CRITICAL when the newest backup is smaller (e.g. 10MiB; default 1 byte).")
    String minSize;

    @Option(names = "--verify-grace", paramLabel = "DURATION", defaultValue = "2h", arity = "0..1", fallbackValue = "",
            description = "WARNING when the newest backup is still unverified after this (default 2h).")
    String verifyGrace;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Mixin
    AllDatabasesOption databases;

    @Mixin
    JsonOption json;

    BackupCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CheckResult result;
        try {
            CheckThresholds thresholds = thresholds();
            result = BackupCli.backups(context, true).check(thresholds, databases.scope());
        } catch (CommandLine.TypeConversionException invalid) {
            result = unknown("invalid argument: " + invalid.getMessage() + " (see 'luvhive backup check --help')");
        } catch (RuntimeException unusable) { // configuration, unreadable directory: the Nagios UNKNOWN
            result = unknown(unusable.getMessage());
        }
        if (json.enabled()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", result.status().name());
            out.put("code", result.status().nagiosCode());
            out.put("line", result.line());
            out.put("backup", result.newest().map(set -> set.name()).orElse(null));
            out.put("database_match", result.newest().map(set -> set.match().label()).orElse(null));
            out.put("other_databases", result.otherDatabases());
            context.out().println(context.json().render(out));
        } else {
            context.out().println(result.line());
        }
        return result.status().nagiosCode();
    }

    private CheckThresholds thresholds() {
        if (!unmatched.isEmpty()) {
            throw new CommandLine.TypeConversionException("unknown argument '" + unmatched.get(0) + "'");
        }
        DurationConverter durations = new DurationConverter();
        return new CheckThresholds(option("--max-age", maxAge, durations::convert),
                Optional.ofNullable(warnAge).map(value -> option("--warn-age", value, durations::convert)),
                option("--min-size", minSize, new SizeConverter()::convert),
                option("--verify-grace", verifyGrace, durations::convert));
    }

    private static <T> T option(String name, String value, Function<String, T> converter) {
        try {
            return converter.apply(value);
        } catch (CommandLine.TypeConversionException invalid) {
            throw new CommandLine.TypeConversionException(name + " " + invalid.getMessage());
        }
    }

    private static CheckResult unknown(String why) {
        String oneLine = String.valueOf(why).replaceAll("\\s+", " ").strip();
        return new CheckResult(CheckStatus.UNKNOWN, "BACKUP UNKNOWN - " + oneLine, Optional.empty());
    }
}
