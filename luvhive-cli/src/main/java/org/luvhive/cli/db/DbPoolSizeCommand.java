package org.luvhive.cli.db;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.CliFailure;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.cli.support.Operator;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.db.Database;
import org.luvhive.core.dbops.PoolControl;
import org.luvhive.core.dbops.PoolSizePlan;
import org.luvhive.core.dbops.PoolState;
import org.luvhive.core.settings.OpsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code luvhive db pool size N|default}: every running bot's pool maximum, live, checked against the server. */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = {"Set the most connections each running bot's pool opens, live (over DB_POOL_SIZE, also for bots "
                + "started later); 'default' gives every bot its own DB_POOL_SIZE back.",
                "A larger size is refused (exit 32) when the bots could open more connections than the server has free "
                        + "slots, less a margin kept for others (max of 5 and 10%% of max_connections), and so is a size "
                        + "below 5, with which a bot's handler threads wait on each other; --force sets it anyway."})
public final class DbPoolSizeCommand implements Callable<Integer>, DocumentsExitCodes {

    private final CliContext context;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N|default", description = "1 to 200 connections per bot, or 'default'.")
    String size;

    @Option(names = "--force", description = "Set a size the server's free slots cannot take.")
    boolean force;

    DbPoolSizeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.DATABASE_UNAVAILABLE, ExitCode.SCHEMA_OUTDATED,
                ExitCode.POOL_SIZE_REFUSED);
    }

    @Override
    public Integer call() {
        Database database = context.migratedDatabase();
        PoolControl control = new PoolControl(database.jdbi(), new OpsSettings(database.jdbi(), context.clock()));
        if (size.equals("default")) {
            boolean stored = control.clearSize();
            context.out().println(stored ? "Pool size setting removed: every bot goes back to its DB_POOL_SIZE within a second."
                    : "No pool size was set: every bot uses its DB_POOL_SIZE.");
            return ExitCode.OK.code();
        }
        int wanted = parse();
        Instant now = context.clock().instant();
        PoolSizePlan plan = control.plan(wanted, now);
        boolean behindPooler = database.sessionRoute().transactionPooled();
        if (plan.tooSmall() && !force) {
            throw new CliFailure(ExitCode.POOL_SIZE_REFUSED, "refusing pool size " + wanted + ": below "
                    + PoolSizePlan.SMALLEST_SAFE + " a bot's two handler threads, each holding its update's transaction "
                    + "while it borrows a second connection for the shared rate limit, wait on each other up to the "
                    + "connection timeout, and updates fail and retry (--force to set it anyway)");
        }
        if (!plan.fits() && !behindPooler && !force) {
            throw new CliFailure(ExitCode.POOL_SIZE_REFUSED, "refusing pool size " + wanted + ": "
                    + plan.running().size() + " running bot(s) could open " + plan.mayAdd() + " more connection(s), and "
                    + "the server has " + plan.slots().free() + " free slot(s) of " + plan.slots().maxConnections()
                    + ", less " + plan.margin() + " kept for others; the largest size that fits is " + plan.largestFit()
                    + " (--force to set it anyway)");
        }
        control.storeSize(wanted, Operator.name(context.environment()));
        List<PoolState> pending = control.awaitReported(plan.running(), state -> state.figures().maximum() == wanted,
                DbPoolResetCommand.PATIENCE);
        if (json.enabled()) {
            context.out().println(context.json().render(json(plan, behindPooler, pending)));
        } else {
            context.out().printf("Pool size %d stored for every bot%s.%n", wanted, plan.tooSmall()
                    ? " (--force: below " + PoolSizePlan.SMALLEST_SAFE + ", updates will wait and retry)" : behindPooler
                    ? " (behind a transaction pooler: not checked against the server's slots, which the pooler guards)"
                    : plan.fits() ? "" : " (--force: more than the server's free slots less the margin)");
            context.out().println(PoolCommandText.confirmation(plan.running(), pending, "now open at most " + wanted));
        }
        return ExitCode.OK.code();
    }

    private int parse() {
        try {
            int parsed = Integer.parseInt(size);
            if (parsed >= 1 && parsed <= ConfigLoader.MAX_POOL_SIZE) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new ParameterException(spec.commandLine(), "pool size must be 1 to " + ConfigLoader.MAX_POOL_SIZE
                + " or 'default', not '" + size + "'");
    }

    private static Map<String, Object> json(PoolSizePlan plan, boolean behindPooler, List<PoolState> pending) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("size", plan.size());
        document.put("instances", PoolCommandText.instances(plan.running()));
        document.put("not_confirmed", PoolCommandText.instances(pending));
        document.put("checked_against_server", !behindPooler);
        document.put("fits", plan.fits());
        document.put("too_small", plan.tooSmall());
        document.put("largest_fit", plan.largestFit());
        document.put("server_free", plan.slots().free());
        document.put("margin", plan.margin());
        document.put("may_add", plan.mayAdd());
        return document;
    }
}
