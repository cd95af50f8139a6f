package org.luvhive.cli.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.Migrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luvhive db migrate}: applies the migrations this build carries. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending schema migrations (the bot also does this on start).")
public final class DbMigrateCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    DbMigrateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Database database = context.database();
        int applied = database.migrate();
        Optional<Migrations.SchemaLevel> level = database.migrations().current();
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("applied", applied);
            document.put("version", level.map(Migrations.SchemaLevel::version).orElse(null));
            document.put("description", level.map(Migrations.SchemaLevel::description).orElse(null));
            context.out().println(context.json().render(document));
        } else {
            context.out().printf("Applied %d migration(s); the schema is at %s.%n", applied,
                    level.map(Migrations.SchemaLevel::toString).orElse("none"));
        }
        return ExitCode.OK.code();
    }
}
