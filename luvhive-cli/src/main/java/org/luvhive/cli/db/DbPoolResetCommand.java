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
import org.luvhive.cli.support.Operator;
import org.luvhive.core.dbops.PoolControl;
import org.luvhive.core.dbops.PoolState;
import org.luvhive.core.settings.OpsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code luvhive db pool reset}: every running bot replaces its pool's connections softly
 * (idle ones now, lent ones when their work is done), within a second; no restart.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Make every running bot replace its pool's connections softly: idle ones at once, the ones in "
                + "use when their work is done. Within a second, no restart; waits up to 5 s to see it done.",
                "Use it after a failover or a network change left the pools holding bad connections."})
public final class DbPoolResetCommand implements Callable<Integer> {

    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final CliContext context;

    @Mixin
    JsonOption json;

    DbPoolResetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var database = context.migratedDatabase();
        PoolControl control = new PoolControl(database.jdbi(), new OpsSettings(database.jdbi(), context.clock()));
        Instant now = context.clock().instant();
        List<PoolState> running = control.livePools(now);
        Instant requested = control.requestReset(now, Operator.name(context.environment()));
        List<PoolState> pending = control.awaitReported(running,
                state -> state.resetApplied().filter(applied -> !applied.isBefore(requested)).isPresent(), PATIENCE);
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("requested_at", requested.toString());
            document.put("instances", PoolCommandText.instances(running));
            document.put("not_confirmed", PoolCommandText.instances(pending));
            context.out().println(context.json().render(document));
        } else {
            context.out().printf("Pool reset requested at %s.%n", requested);
            context.out().println(PoolCommandText.confirmation(running, pending, "replaced their connections"));
        }
        return ExitCode.OK.code();
    }
}
