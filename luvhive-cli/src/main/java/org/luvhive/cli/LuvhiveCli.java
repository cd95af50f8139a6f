package org.luvhive.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luvhive.cli.backup.BackupCheckCommand;
import org.luvhive.cli.backup.BackupCommand;
import org.luvhive.cli.backup.BackupCreateCommand;
import org.luvhive.cli.backup.BackupListCommand;
import org.luvhive.cli.backup.BackupPruneCommand;
import org.luvhive.cli.backup.BackupRestoreCommand;
import org.luvhive.cli.backup.BackupVerifyCommand;
import org.luvhive.cli.cache.CacheClearCommand;
import org.luvhive.cli.cache.CacheCommand;
import org.luvhive.cli.db.DbCancelCommand;
import org.luvhive.cli.db.DbCleanupCommand;
import org.luvhive.cli.db.DbCommand;
import org.luvhive.cli.db.SwitchDatabaseCommand;
import org.luvhive.cli.db.DbConnectionsCommand;
import org.luvhive.cli.db.DbGrowthCommand;
import org.luvhive.cli.db.DbIndexesCommand;
import org.luvhive.cli.db.DbInfoCommand;
import org.luvhive.cli.db.DbMigrateCommand;
import org.luvhive.cli.db.DbPoolCommand;
import org.luvhive.cli.db.DbPoolResetCommand;
import org.luvhive.cli.db.DbPoolSizeCommand;
import org.luvhive.cli.db.DbQueriesCommand;
import org.luvhive.cli.db.DbSizeCommand;
import org.luvhive.cli.db.DbSlowCommand;
import org.luvhive.cli.db.DbTerminateCommand;
import org.luvhive.cli.doctor.DoctorCommand;
import org.luvhive.cli.inbox.InboxCommand;
import org.luvhive.cli.inbox.InboxQuarantineCommand;
import org.luvhive.cli.limits.LimitsCommand;
import org.luvhive.cli.limits.SetLimitsCommand;
import org.luvhive.cli.mode.SwitchModeCommand;
import org.luvhive.cli.mode.WebhookCheckCommand;
import org.luvhive.cli.mode.WebhookCommand;
import org.luvhive.cli.mode.WebhookInfoCommand;
import org.luvhive.cli.moderation.ModerationCommand;
import org.luvhive.cli.moderation.ModerationStatusCommand;
import org.luvhive.cli.moderation.PolicyCommand;
import org.luvhive.cli.moderation.RulesAddCommand;
import org.luvhive.cli.moderation.RulesCommand;
import org.luvhive.cli.moderation.RulesListCommand;
import org.luvhive.cli.moderation.RulesRemoveCommand;
import org.luvhive.cli.moderation.RulesTestCommand;
import org.luvhive.cli.moderation.StrictnessCommand;
import org.luvhive.cli.payments.PaymentsCommand;
import org.luvhive.cli.payments.PaymentsLimitsCommand;
import org.luvhive.cli.payments.PaymentsReportCommand;
import org.luvhive.cli.status.StatusCommand;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.CommandTree;
import org.luvhive.cli.support.ContextFactory;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.ExitCodes;
import org.luvhive.cli.token.RotateTokenCommand;
import org.luvhive.cli.violations.ViolationsCommand;
import org.luvhive.cli.violations.ViolationsReportCommand;
import org.luvhive.core.LuvhiveVersion;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code luvhive}: the operations runbook as commands. This class is the entry point and
 * the one place where failures become exit codes and one-line messages.
 */
@Command(name = "luvhive",
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        versionProvider = LuvhiveCli.Version.class,
        description = "Operate a LuvHive bot: database, backups, rate limits, intake mode, token, alerts, caches, "
                + "moderation, payments.",
        footerHeading = "%nConfiguration:%n",
        footer = {
                "  Read from the environment, then the env file ($LUVHIVE_ENV_FILE, default ~/.luvhive/luvhive.env).",
                "  Without DATABASE_URL the embedded PostgreSQL in $LUVHIVE_HOME/pgdata is used."})
public final class LuvhiveCli implements Runnable {

    /** Every command: the top level in the order help lists it, then each group's subcommands (see CommandTree). */
    private static final CommandTree COMMANDS = new CommandTree(Map.ofEntries(
            Map.entry(LuvhiveCli.class, List.of(DbCommand.class, BackupCommand.class, LimitsCommand.class,
                    SetLimitsCommand.class, SwitchModeCommand.class, WebhookCommand.class, RotateTokenCommand.class,
                    SwitchDatabaseCommand.class,
                    StatusCommand.class, DoctorCommand.class, InboxCommand.class, CacheCommand.class,
                    ModerationCommand.class, ViolationsCommand.class, PaymentsCommand.class,
                    CommandLine.HelpCommand.class)),
            Map.entry(DbCommand.class, List.of(DbInfoCommand.class, DbMigrateCommand.class, DbConnectionsCommand.class,
                    DbQueriesCommand.class, DbCancelCommand.class, DbTerminateCommand.class, DbSizeCommand.class,
                    DbPoolCommand.class, DbGrowthCommand.class, DbCleanupCommand.class, DbSlowCommand.class,
                    DbIndexesCommand.class)),
            Map.entry(DbPoolCommand.class, List.of(DbPoolResetCommand.class, DbPoolSizeCommand.class)),
            Map.entry(BackupCommand.class, List.of(BackupCreateCommand.class, BackupListCommand.class,
                    BackupVerifyCommand.class, BackupRestoreCommand.class, BackupPruneCommand.class,
                    BackupCheckCommand.class)),
            Map.entry(WebhookCommand.class, List.of(WebhookInfoCommand.class, WebhookCheckCommand.class)),
            Map.entry(CacheCommand.class, List.of(CacheClearCommand.class)),
            Map.entry(InboxCommand.class, List.of(InboxQuarantineCommand.class)),
            Map.entry(ModerationCommand.class, List.of(StrictnessCommand.class, ModerationStatusCommand.class,
                    RulesCommand.class, PolicyCommand.class)),
            Map.entry(RulesCommand.class, List.of(RulesListCommand.class, RulesAddCommand.class,
                    RulesRemoveCommand.class, RulesTestCommand.class)),
            Map.entry(ViolationsCommand.class, List.of(ViolationsReportCommand.class)),
            Map.entry(PaymentsCommand.class, List.of(PaymentsReportCommand.class, PaymentsLimitsCommand.class))),
            // the runbook's own words: how the old runbook and the people who wrote it name these
            Map.of(LuvhiveCli.class, List.of(
                    new CommandTree.Alias("list-backups", BackupListCommand.class, "backup list"),
                    new CommandTree.Alias("restore", BackupRestoreCommand.class, "backup restore"))));

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces on failure.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see 'luvhive --help')");
    }

    public static void main(String[] args) {
        int exitCode = run(System.getenv(), ConfigLoader.forCurrentUser(), Clock.systemUTC(), System.in, System.out,
                System.err, args);
        System.exit(exitCode);
    }

    /**
     * Runs one command in-process and returns its exit code; tests call this with their
     * own environment and streams.
     */
    public static int run(Map<String, String> environment, ConfigLoader configLoader, Clock clock,
                          PrintStream out, PrintStream err, String... args) {
        return run(environment, configLoader, clock, System.in, out, err, args);
    }

    /** As {@link #run(Map, ConfigLoader, Clock, PrintStream, PrintStream, String...)}, reading input from {@code in}. */
    public static int run(Map<String, String> environment, ConfigLoader configLoader, Clock clock,
                          InputStream in, PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try (CliContext context = new CliContext(environment, configLoader, outWriter, errWriter, clock)) {
            context.readFrom(in);
            CommandLine commandLine = commandLine(context, args);
            commandLine.setOut(outWriter);
            commandLine.setErr(errWriter);
            commandLine.setParameterExceptionHandler((failure, arguments) -> usageError(failure, arguments, context));
            commandLine.setExecutionExceptionHandler((failure, failedCommand, parseResult) ->
                    reportFailure(failure, failedCommand, parseResult, context));
            return commandLine.execute(args);
        } catch (RuntimeException closeFailure) {
            // the command's own failures were reported above; this is closing the database
            errWriter.println("luvhive: while closing the database: " + closeFailure.getMessage());
            return ExitCode.FAILURE.code();
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /**
     * The command line that running {@code args} needs (see {@link CommandTree}), with the
     * exit codes in every command's help; with no arguments every command, which is what
     * the man pages and the shell completion the build generates are made from.
     */
    public static CommandLine commandLine(CliContext context, String... args) {
        CommandLine commandLine = COMMANDS.commandLineFor(new LuvhiveCli(), new ContextFactory(context), args);
        DocumentsExitCodes.addToHelp(commandLine); // after the commands: it reaches only those added
        DocumentsExitCodes.addToHelp(commandLine.getCommandSpec(), List.of(ExitCode.values()));
        return commandLine;
    }

    private static int usageError(CommandLine.ParameterException failure, String[] args, CliContext context) {
        CommandLine failed = failure.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("luvhive: " + failure.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(failure, err);
        err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
        if (Arrays.asList(args).contains("--json")) {
            printJsonError(context, List.of(failure.getMessage()), ExitCode.USAGE);
        }
        return ExitCode.USAGE.code();
    }

    private static int reportFailure(Exception failure, CommandLine failedCommand, CommandLine.ParseResult parseResult,
                                     CliContext context) {
        PrintWriter err = failedCommand.getErr();
        List<String> problems = failure instanceof ConfigException config
                ? config.problems().stream().map(problem -> "configuration: " + problem).toList()
                : List.of(failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage());
        problems.forEach(problem -> err.println("luvhive: " + problem));
        if (isVerbose(parseResult)) {
            failure.printStackTrace(err);
        }
        ExitCode code = ExitCodes.of(failure);
        if (matched(parseResult, "--json")) {
            printJsonError(context, problems, code);
        }
        return code.code();
    }

    /** With --json a failure is a JSON object on stdout too, so that a script never parses an empty document. */
    private static void printJsonError(CliContext context, List<String> problems, ExitCode code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", String.join("; ", problems));
        error.put("exit_code", code.code());
        error.put("exit_reason", code.meaning());
        context.out().println(context.json().render(error));
    }

    private static boolean isVerbose(CommandLine.ParseResult parseResult) {
        return matched(parseResult, "--verbose");
    }

    private static boolean matched(CommandLine.ParseResult parseResult, String option) {
        for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }

    /** Prints the build's version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"luvhive " + LuvhiveVersion.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
