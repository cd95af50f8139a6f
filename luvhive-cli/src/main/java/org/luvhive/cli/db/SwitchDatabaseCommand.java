package org.luvhive.cli.db;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.CliFailure;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.DurationConverter;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.DatabaseNames;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DatabaseSwitch;
import org.luvhive.core.ops.RuntimeSettings;
import org.luvhive.core.ops.alerts.StatusReport;
import org.luvhive.core.settings.OpsSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code luvhive switch-database NAME}: moves every running bot to the database NAME on the
 * configured server, live (after {@code restore --target NAME}). The database is checked
 * first, then written into the env file (which the bots re-read each second, and start on
 * after a restart), then the command waits until a bot reports from it. The password stays
 * the configured one and is never printed.
 */
@Command(name = "switch-database", mixinStandardHelpOptions = true,
        description = {"Move every running bot to another database on the same server, live (no restart).",
                "Checks it holds LuvHive's schema, writes it into the env file (DATABASE_URL, or EMBEDDED_DATABASE",
                "for the embedded server), and waits until a bot reports from it."})
public final class SwitchDatabaseCommand implements Callable<Integer>, DocumentsExitCodes {

    private static final Duration POLL = Duration.ofMillis(500);

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "The database to use, e.g. luvhive_recovery.")
    String name;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for a bot to report from it (default: ${DEFAULT-VALUE}; 0s: do not wait).")
    Duration wait;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    SwitchDatabaseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!DatabaseNames.isPlain(name)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "NAME must be a database name: " + DatabaseNames.RULE);
        }
        try (DatabaseSwitch.Checked checked = check()) {
            DatabaseSwitch.Target target = checked.target();
            String previousName = context.config().databaseUrl().map(DatabaseUrl::database)
                    .orElse(context.config().embeddedDatabase());
            Optional<Database> previous = previous();
            Optional<RuntimeSettings> previousSettings = previous.map(this::settings);
            Path envFile = context.envFile();
            Instant written = context.clock().instant();
            DatabaseSwitch.write(envFile, target);
            String key = target.embedded() ? ConfigKeys.EMBEDDED_DATABASE : ConfigKeys.DATABASE_URL;
            context.out().printf("Switching to database '%s' (%s), schema %s%s; %s=%s written to %s (mode 0600).%n",
                    name, target.url().masked(), checked.level(), checked.pendingMigrations() > 0
                            ? " (" + checked.pendingMigrations() + " migration(s) the bots apply)" : "",
                    key, target.embedded() ? name : target.url().masked(), envFile);
            SwitchedSettingsView.print(context.out(), context.err(), name, settings(checked.database()), previousName,
                    previousSettings);
            if (context.environment().containsKey(key)) {
                context.err().println("luvhive: warning: " + key + " is set in this environment; a bot started with"
                        + " it there stays where it is (the environment wins over the env file)");
            }
            if (wait.isZero()) {
                context.out().println("Running bots switch within a second; not waiting (--wait 0s).");
                return ExitCode.OK.code();
            }
            List<String> moved = awaitReports(checked.database(), written);
            if (moved.isEmpty()) {
                List<String> stayed = previous.map(database -> reportedSince(database,
                        written.plus(DatabaseSwitch.FOLLOWED_WITHIN))).orElse(List.of());
                throw new CliFailure(ExitCode.NO_BOT_REPORTING, stayed.isEmpty()
                        ? "no bot reported from '" + name + "' within " + DbText.duration(wait) + ": a bot started with "
                                + key + " in its process environment ignores the env file; remove it from the bot's "
                                + "unit, then systemctl restart luvhive-bot (no bot running: read RUNBOOK.md \"No bot "
                                + "reporting\")"
                        : String.join(", ", stayed) + " still report(s) from '" + previousName + "', not '" + name
                                + "': started with " + key + " in the process environment, which wins over the env "
                                + "file; remove it from the bot's unit, then systemctl restart luvhive-bot");
            }
            context.out().printf("Bots now on '%s': %s.%n", name, String.join(", ", moved));
            return ExitCode.OK.code();
        }
    }

    private DatabaseSwitch.Checked check() {
        try {
            return DatabaseSwitch.check(context.config(), name, context.registry(), "luvhive-cli");
        } catch (IllegalArgumentException notLuvhive) {
            throw new CliFailure(ExitCode.USAGE, "refused: " + notLuvhive.getMessage());
        }
    }

    /** The instances that reported into the new database since the switch (they report every 5 s). */
    private List<String> awaitReports(Database database, Instant since) throws InterruptedException {
        Instant deadline = context.clock().instant().plus(wait);
        while (true) {
            List<String> moved = reportedSince(database, since);
            if (!moved.isEmpty() || !context.clock().instant().isBefore(deadline)) {
                return moved;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private List<String> reportedSince(Database database, Instant since) {
        try {
            return StatusReport.read(database.jdbi(), context.clock()).instances().stream()
                    .filter(instance -> instance.reportedAt().isAfter(since))
                    .map(StatusReport.InstanceAlerts::instance)
                    .toList();
        } catch (RuntimeException unreadable) {
            return List.of(); // the old database went away meanwhile: nobody can report there
        }
    }

    /** The database the bots are on before the switch, when it can still be read (not after a loss). */
    private Optional<Database> previous() {
        try {
            return Optional.of(context.database());
        } catch (RuntimeException goneOrUnreachable) {
            return Optional.empty();
        }
    }

    private RuntimeSettings settings(Database database) {
        return RuntimeSettings.read(new OpsSettings(database.jdbi(), context.clock()), context.config());
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.CONFIG_INVALID, ExitCode.DATABASE_UNAVAILABLE,
                ExitCode.NO_BOT_REPORTING, ExitCode.FAILURE);
    }
}
