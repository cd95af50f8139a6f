package org.luvhive.core.dbops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.db.PoolFigures;
import org.luvhive.core.dbops.internal.PoolStateDao;
import org.luvhive.core.dbops.internal.PoolStateRow;

/**
 * The {@code db_pool_state} table: each running bot reports its pool there,
 * {@code luvhive db connections} and {@code db pool size} read it. Thread-safe.
 */
public final class PoolStateStore {

    private final Jdbi jdbi;

    public PoolStateStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Upserts one instance's report and forgets instances silent since {@code forgetBefore}. */
    static void save(Handle handle, PoolState state, Instant forgetBefore) {
        PoolStateDao dao = handle.attach(PoolStateDao.class);
        PoolFigures figures = state.figures();
        dao.upsert(state.instance(), state.applicationName(), figures.active(), figures.idle(), figures.waiting(),
                figures.maximum(), state.fullSince().orElse(null), state.resetApplied().orElse(null), state.updatedAt());
        dao.deleteIdleSince(forgetBefore);
    }

    static void forget(Handle handle, String instance) {
        handle.attach(PoolStateDao.class).deleteInstance(instance);
    }

    /** Every instance's last report, by instance. */
    public List<PoolState> all() {
        return jdbi.withExtension(PoolStateDao.class, PoolStateDao::all).stream().map(PoolStateStore::state).toList();
    }

    private static PoolState state(PoolStateRow row) {
        return new PoolState(row.instance(), row.applicationName(),
                new PoolFigures(row.active(), row.idle(), row.waiting(), row.maximum()),
                Optional.ofNullable(row.fullSince()), Optional.ofNullable(row.resetApplied()), row.updatedAt());
    }
}
