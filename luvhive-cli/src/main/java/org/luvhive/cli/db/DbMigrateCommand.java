package org.luvhive.cli.db;

import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.Migrations;
import picocli.CommandLine.Command;

/** {@code luvhive db migrate}: applies the migrations this build carries. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending schema migrations (the bot also does this on start).")
public final class DbMigrateCommand implements Callable<Integer> {

    private final CliContext context;

    DbMigrateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Database database = context.database();
        int applied = database.migrate();
        String level = database.migrations().current().map(Migrations.SchemaLevel::toString).orElse("none");
        context.out().printf("Applied %d migration(s); the schema is at %s.%n", applied, level);
        return ExitCode.OK.code();
    }
}
