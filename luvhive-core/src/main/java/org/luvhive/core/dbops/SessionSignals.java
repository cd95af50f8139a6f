package org.luvhive.core.dbops;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.luvhive.core.dbops.internal.SessionQueries;

/**
 * Cancels a session's statement ({@code pg_cancel_backend}: the session stays) or ends
 * the session ({@code pg_terminate_backend}: its transaction rolls back), for {@code luvhive
 * db cancel/terminate}. Refuses the caller's own sessions always; sessions of another
 * database, of a superuser, replication and background processes unless forced.
 * Thread-safe.
 */
public final class SessionSignals {

    /** How long a terminate waits for the process to end, and a cancel for the statement to stop. */
    public static final Duration WAIT = Duration.ofSeconds(5);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final Jdbi jdbi;
    private final Set<String> ownApplicationNames;

    /** {@code ownApplicationNames}: what the caller's own sessions are called, so none of them is signalled. */
    public SessionSignals(Jdbi jdbi, Set<String> ownApplicationNames) {
        this.jdbi = jdbi;
        this.ownApplicationNames = Set.copyOf(ownApplicationNames);
    }

    /** Cancels the statement {@code pid} runs; it ends with an error, the session stays. */
    public SignalOutcome cancel(int pid, boolean force) {
        return jdbi.withHandle(handle -> {
            SessionTarget target = checked(handle, pid, force, "cancel");
            if (!target.state().map("active"::equals).orElse(true)) {
                throw new SessionRefusedException("refusing to cancel " + target.describe() + ": it is "
                        + target.state().get() + ", so there is no statement to cancel; 'luvhive db terminate " + pid
                        + "' ends the session" + (target.state().get().contains("transaction")
                        ? " and rolls its transaction back" : ""));
            }
            Optional<Instant> started = SessionQueries.queryStart(handle, pid);
            if (!signal(handle, "select pg_cancel_backend(:pid)", pid, target)) {
                throw gone(pid, "cancelled");
            }
            return new SignalOutcome(target, SessionQueries.awaitStatementEnd(handle, pid, started, WAIT));
        });
    }

    /** Ends the session {@code pid}: its statement stops, its transaction rolls back, its connection closes. */
    public SignalOutcome terminate(int pid, boolean force) {
        return jdbi.withHandle(handle -> {
            SessionTarget target = checked(handle, pid, force, "terminate");
            boolean ended = signal(handle, "select pg_terminate_backend(:pid, " + WAIT.toMillis() + ")", pid, target);
            if (!ended && SessionQueries.target(handle, pid).isEmpty()) {
                throw gone(pid, "terminated");
            }
            return new SignalOutcome(target, ended);
        });
    }

    private SessionTarget checked(Handle handle, int pid, boolean force, String action) {
        Optional<SessionTarget> found = SessionQueries.target(handle, pid);
        if (found.isEmpty()) {
            throw new SessionNotFoundException("no session with pid " + pid + " on this server (see 'luvhive db "
                    + "queries' or 'luvhive db connections')");
        }
        SessionTarget target = found.get();
        if (pid == SessionQueries.ownPid(handle) || ownApplicationNames.contains(target.application())) {
            throw new SessionRefusedException("refusing to " + action + " " + target.describe()
                    + ": it is this luvhive command's own session");
        }
        if (force) {
            return target;
        }
        String current = SessionQueries.currentDatabase(handle);
        if (!target.database().equals(current)) {
            throw new SessionRefusedException("refusing to " + action + " " + target.describe() + ": it is "
                    + (target.database().isEmpty() ? "not connected to a database" : "in database " + target.database())
                    + ", not " + current + " (--force to do it anyway)");
        }
        if (target.backendType().equals("walsender")) {
            throw new SessionRefusedException("refusing to " + action + " " + target.describe()
                    + ": it is a replication session (--force to do it anyway)");
        }
        if (!target.backendType().isEmpty() && !target.backendType().equals("client backend")) {
            throw new SessionRefusedException("refusing to " + action + " " + target.describe() + ": it is the server's "
                    + target.backendType() + ", not a client session (--force to do it anyway)");
        }
        if (target.superuser()) {
            throw new SessionRefusedException("refusing to " + action + " " + target.describe()
                    + ": it is a superuser's session (--force to do it anyway)");
        }
        return target;
    }

    private static boolean signal(Handle handle, String sql, int pid, SessionTarget target) {
        try {
            return handle.createQuery(sql).bind("pid", pid).mapTo(Boolean.class).one();
        } catch (UnableToExecuteStatementException failure) {
            if (failure.getCause() instanceof SQLException refused
                    && INSUFFICIENT_PRIVILEGE.equals(refused.getSQLState())) {
                throw new SessionRefusedException("the server does not let this role signal " + target.describe()
                        + ": " + refused.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", ""), failure);
            }
            throw failure;
        }
    }

    private static SessionNotFoundException gone(int pid, String action) {
        return new SessionNotFoundException("pid " + pid + " ended before it could be " + action);
    }
}
