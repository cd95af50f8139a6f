package org.luvhive.core.backup.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.Secret;

/**
 * How a child pg_dump/pg_restore reaches a database: host, port, user and database as
 * arguments, the password and TLS settings through libpq's environment variables, so
 * the password is never in argv (visible in {@code ps}) nor in any output.
 */
public final class PgConnection {

    /** libpq variables from our own environment that could redirect or re-authenticate a child. */
    private static final List<String> INHERITED_TO_CLEAR = List.of("PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE",
            "PGUSER", "PGPASSWORD", "PGSERVICE", "PGOPTIONS", "PGSSLMODE", "PGAPPNAME");

    private static final Map<String, String> SSL_PARAMETERS = Map.of("sslmode", "PGSSLMODE",
            "sslrootcert", "PGSSLROOTCERT", "sslcert", "PGSSLCERT", "sslkey", "PGSSLKEY", "sslcrl", "PGSSLCRL");

    private PgConnection() {
    }

    /** {@code --host --port [--username] --dbname} for {@code url}. */
    public static List<String> arguments(DatabaseUrl url) {
        List<String> arguments = new ArrayList<>(List.of("--host", url.host(), "--port", Integer.toString(url.port())));
        if (!url.user().isEmpty()) {
            arguments.add("--username");
            arguments.add(url.user());
        }
        arguments.add("--dbname");
        arguments.add(url.database());
        return arguments;
    }

    /** The variables to add to the child's environment. */
    public static Map<String, String> environment(DatabaseUrl url, String applicationName) {
        Map<String, String> environment = new LinkedHashMap<>();
        url.password().map(Secret::reveal).ifPresent(password -> environment.put("PGPASSWORD", password));
        SSL_PARAMETERS.forEach((parameter, variable) -> {
            String value = url.parameters().get(parameter);
            if (value != null) {
                environment.put(variable, value);
            }
        });
        environment.put("PGAPPNAME", applicationName);
        environment.put("PGCONNECT_TIMEOUT", "10");
        environment.put("LC_MESSAGES", "C"); // error lines are matched in English
        return environment;
    }

    static void clearInherited(Map<String, String> environment) {
        INHERITED_TO_CLEAR.forEach(environment::remove);
    }
}
