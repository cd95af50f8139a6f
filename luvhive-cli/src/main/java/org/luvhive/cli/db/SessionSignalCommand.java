package org.luvhive.cli.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.core.db.Database;
import org.luvhive.core.dbops.SessionSignals;
import org.luvhive.core.dbops.SignalOutcome;

/** What {@code db cancel} and {@code db terminate} share: the signalling object and the output. */
final class SessionSignalCommand {

    static final List<ExitCode> EXIT_CODES = List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.DATABASE_UNAVAILABLE,
            ExitCode.SESSION_NOT_FOUND, ExitCode.SESSION_REFUSED);

    private SessionSignalCommand() {
    }

    /** Signals sessions of this database, never one of this run's own. */
    static SessionSignals signals(CliContext context) {
        Database database = context.database();
        return new SessionSignals(database.jdbi(), Set.of(database.poolSettings().applicationName(),
                database.poolSettings().dedicatedApplicationName()));
    }

    static Map<String, Object> json(String action, SignalOutcome outcome) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("action", action);
        document.put("pid", outcome.target().pid());
        document.put("database", outcome.target().database());
        document.put("user", outcome.target().user());
        document.put("application", outcome.target().application());
        document.put("backend_type", outcome.target().backendType());
        document.put("state", outcome.target().state().orElse(null));
        document.put("running_s", outcome.target().running().map(running -> running.toMillis() / 1000.0).orElse(null));
        document.put("query", outcome.target().query());
        document.put("ended", outcome.ended());
        return document;
    }

    /** The statement, as the server showed it, quoted on one line. */
    static String statement(SignalOutcome outcome) {
        return outcome.target().query().isBlank() ? "" : ": " + DbText.oneLine(outcome.target().query(), 200);
    }
}
