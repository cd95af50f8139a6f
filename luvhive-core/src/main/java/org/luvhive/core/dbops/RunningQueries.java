package org.luvhive.core.dbops;

import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.dbops.internal.ActivityQueries;

/** The statements running on the server now ({@code luvhive db queries}). Thread-safe. */
public final class RunningQueries {

    private final Jdbi jdbi;

    public RunningQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Client sessions not idle whose statement or transaction is at least {@code longerThan} old, the oldest first. */
    public List<RunningQuery> longerThan(Duration longerThan) {
        return jdbi.withHandle(ActivityQueries::running).stream()
                .filter(query -> query.age().compareTo(longerThan) >= 0)
                .toList();
    }
}
