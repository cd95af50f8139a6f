package org.luvhive.core.dbops;

import java.util.ArrayList;
import java.util.List;
import org.luvhive.core.db.PoolFigures;
import org.luvhive.core.dbops.ConnectionsReport.Finding;
import org.luvhive.core.dbops.ConnectionsReport.IdleTransaction;
import org.luvhive.core.dbops.ConnectionsReport.PoolView;
import org.luvhive.core.dbops.ConnectionsReport.ServerSlots;

/** The plain-words findings of a {@link ConnectionsReport}, the worst first. Stateless. */
final class ConnectionFindings {

    private ConnectionFindings() {
    }

    static List<Finding> of(ServerSlots slots, List<PoolView> pools, List<IdleTransaction> idle) {
        List<Finding> findings = new ArrayList<>();
        for (PoolView pool : pools) {
            if (pool.stale() || pool.fullFor().isEmpty()) {
                continue;
            }
            PoolFigures figures = pool.state().figures();
            String instance = pool.state().instance();
            String duration = Durations.compact(pool.fullFor().get());
            if (figures.waiting() > 0) {
                findings.add(new Finding(true, "pool of " + instance + " full for " + duration + ", "
                        + figures.waiting() + (figures.waiting() == 1 ? " thread" : " threads") + " waiting ("
                        + figures.active() + " of " + figures.maximum() + " connections in use)"));
            } else {
                findings.add(new Finding(false, "pool of " + instance + ": all " + figures.maximum()
                        + " connections in use for " + duration + ", no thread waiting yet"));
            }
        }
        if (slots.free() == 0) {
            findings.add(new Finding(true, "server: no free connection slot (" + slots.used() + " sessions, "
                    + "max_connections " + slots.maxConnections() + ", " + slots.superuserReserved()
                    + " reserved for superusers)"));
        } else if (slots.free() < slots.maxConnections() * ConnectionsReport.FEW_FREE_SLOTS) {
            findings.add(new Finding(false, "server: only " + slots.free() + " of " + slots.maxConnections()
                    + " connection slots free"));
        }
        for (IdleTransaction transaction : idle) {
            if (transaction.idleFor().compareTo(ConnectionsReport.IDLE_TRANSACTION_WARNING) >= 0) {
                findings.add(new Finding(false, "pid " + transaction.pid() + " (" + label(transaction.application())
                        + ") idle in transaction for " + Durations.compact(transaction.idleFor())
                        + ": it holds its locks and a connection"));
            }
        }
        findings.sort((one, other) -> Boolean.compare(other.exhausted(), one.exhausted()));
        return findings;
    }

    private static String label(String application) {
        return application.isEmpty() ? "no application name" : application;
    }
}
