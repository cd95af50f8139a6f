package org.luvhive.core.db;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Work that follows a commit (a log line, a count) and must not follow writes that were
 * undone. Jdbi's {@link Handle#afterCommit} keeps a hook when its writes are rolled back to
 * a savepoint, so a handler undone and run again would log its decision twice, once with
 * the id of a row that never committed. Hooks registered here are kept in order on the
 * handle; whoever rolls back to a savepoint drops the hooks registered after it
 * ({@link #mark}, {@link #discardFrom}), and the rest run after the commit, once. A hook
 * that is harmless when it runs for nothing (waking a thread, invalidating a cache) may
 * stay on {@code afterCommit}. Stateless; the hooks live on the handle, which is one
 * transaction's. Not for use by two threads on one handle.
 */
public final class CommitHooks {

    private static final String KEY = "luvhive.commitHooks";

    private CommitHooks() {
    }

    /** Runs {@code hook} after the transaction on {@code handle} commits, unless its writes are undone first. */
    public static void afterCommit(Handle handle, Runnable hook) {
        hooks(handle, true).add(hook);
    }

    /** How many hooks are registered so far: what a savepoint taken now would keep. */
    public static int mark(Handle handle) {
        List<Runnable> hooks = hooks(handle, false);
        return hooks == null ? 0 : hooks.size();
    }

    /** Drops the hooks registered since {@code mark} was taken (their writes were rolled back). */
    public static void discardFrom(Handle handle, int mark) {
        List<Runnable> hooks = hooks(handle, false);
        if (hooks != null && hooks.size() > mark) {
            hooks.subList(mark, hooks.size()).clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Runnable> hooks(Handle handle, boolean create) {
        Object held = handle.getConfig(SqlStatements.class).getAttribute(KEY);
        if (held != null || !create) {
            return (List<Runnable>) held;
        }
        List<Runnable> hooks = new ArrayList<>();
        handle.afterCommit(() -> { // first: outside a transaction it throws, and nothing is left on the handle
            handle.define(KEY, null);
            List.copyOf(hooks).forEach(Runnable::run);
        });
        handle.afterRollback(() -> handle.define(KEY, null));
        handle.define(KEY, hooks);
        return hooks;
    }
}
