package org.luvhive.cli.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.db.DatabaseInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luvhive db info}: server version, database, migration level, pool settings. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the database in use: server version, migration level, pool settings (URL masked).")
public final class DbInfoCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    DbInfoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DatabaseInfo info = DatabaseInfo.of(context.database());
        if (json.enabled()) {
            context.out().println(context.json().render(asJson(info)));
        } else {
            print(info);
        }
        return ExitCode.OK.code();
    }

    private static Map<String, Object> asJson(DatabaseInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", info.url());
        json.put("embedded", info.embeddedData().isPresent());
        json.put("data_directory", info.embeddedData().map(Object::toString).orElse(null));
        json.put("server_version", info.serverVersion());
        json.put("database", info.database());
        json.put("user", info.user());
        json.put("size_bytes", info.sizeBytes());
        json.put("schema_version", info.schemaVersion().orElse(null));
        json.put("schema_description", info.schemaDescription().orElse(null));
        json.put("latest_known_version", info.latestKnown().orElse(null));
        json.put("pending_migrations", info.pendingMigrations());
        json.put("pool_maximum_size", info.poolMaximumSize());
        json.put("pool_connection_timeout_ms", info.connectionTimeout().toMillis());
        return json;
    }

    private void print(DatabaseInfo info) {
        var out = context.out();
        out.printf("Database:        %s%n", info.url());
        info.embeddedData().ifPresent(directory -> out.printf("Embedded data:   %s%n", directory));
        out.printf("Server version:  PostgreSQL %s%n", info.serverVersion());
        out.printf("Connected as:    %s to %s (%s)%n", info.user(), info.database(), DbText.bytes(info.sizeBytes()));
        out.printf("Migration level: %s%n", info.schemaVersion()
                .map(version -> version + " (" + info.schemaDescription().orElse("") + ")")
                .orElse("none applied"));
        out.printf("Pending:         %d%s%n", info.pendingMigrations(),
                info.pendingMigrations() > 0 ? " (run 'luvhive db migrate')" : "");
        out.printf("Pool:            max %d connections, %d ms connection timeout%n",
                info.poolMaximumSize(), info.connectionTimeout().toMillis());
    }
}
