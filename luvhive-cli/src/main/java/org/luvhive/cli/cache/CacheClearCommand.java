package org.luvhive.cli.cache;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.Operator;
import org.luvhive.core.caches.CacheClear;
import org.luvhive.core.settings.OpsSettings;
import picocli.CommandLine.Command;

/**
 * {@code luvhive cache clear}: every running bot drops its in-process caches within a
 * second (through the ops settings). Safe at any time: caches only, never rate-limit or
 * other state; the caches refill from the database.
 */
@Command(name = "clear", mixinStandardHelpOptions = true,
        description = {"Make every running bot drop its in-process caches (within a second, no restart).",
                "Safe at any time: only caches, which refill from the database; rate limits are kept."})
public final class CacheClearCommand implements Callable<Integer> {

    private final CliContext context;

    CacheClearCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OpsSettings settings = new OpsSettings(context.migratedDatabase().jdbi(), context.clock());
        Instant requested = new CacheClear(settings, context.clock()).request(Operator.name(context.environment()));
        context.out().printf("Cache clear requested at %s; running bots drop their caches within a second.%n",
                requested);
        return ExitCode.OK.code();
    }
}
