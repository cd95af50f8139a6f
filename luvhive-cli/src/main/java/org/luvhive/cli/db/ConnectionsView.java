package org.luvhive.cli.db;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.core.db.PoolFigures;
import org.luvhive.core.dbops.ConnectionsReport;
import org.luvhive.core.dbops.ConnectionsReport.Finding;
import org.luvhive.core.dbops.ConnectionsReport.IdleTransaction;
import org.luvhive.core.dbops.ConnectionsReport.PoolView;
import org.luvhive.core.dbops.ConnectionsReport.SessionGroup;

/** How {@code luvhive db connections} shows a {@link ConnectionsReport}: aligned text, or JSON. */
final class ConnectionsView {

    private ConnectionsView() {
    }

    static void print(ConnectionsReport report, Instant now, ExitCode outcome, PrintWriter out) {
        ConnectionsReport.ServerSlots slots = report.slots();
        out.printf("Server: %d of %d connection slots used, %d free (%d reserved for superusers)%n", slots.used(),
                slots.maxConnections(), slots.free(), slots.superuserReserved());
        out.println("Sessions by database, application, state and client");
        out.printf("  %8s  %-12s %-34s %-22s %s%n", "SESSIONS", "DATABASE", "APPLICATION", "STATE", "CLIENT");
        for (SessionGroup group : report.groups()) {
            out.printf("  %8d  %-12s %-34s %-22s %s%n", group.sessions(), DbText.orDash(group.database()),
                    DbText.orDash(group.application()), group.state(), DbText.orDash(group.client()));
        }
        out.println("Idle in transaction");
        if (report.idleInTransaction().isEmpty()) {
            out.println("  none");
        }
        for (IdleTransaction idle : report.idleInTransaction()) {
            out.printf("  pid %d  %s  idle %s, transaction open %s: %s%n", idle.pid(), DbText.orDash(idle.application()),
                    DbText.duration(idle.idleFor()), DbText.duration(idle.transactionAge()),
                    DbText.oneLine(idle.query(), 80));
        }
        out.println("Bot pools (as each running instance reports them)");
        if (report.pools().isEmpty()) {
            out.println("  no bot instance has reported its pool");
        }
        for (PoolView pool : report.pools()) {
            printPool(pool, now, out);
        }
        if (!report.findings().isEmpty()) {
            out.println("Findings");
            for (Finding finding : report.findings()) {
                out.printf("  %-9s  %s%n", finding.exhausted() ? "EXHAUSTED" : "warning", finding.message());
            }
        }
        out.println(outcome == ExitCode.CONNECTIONS_EXHAUSTED ? "EXHAUSTED" : "OK");
    }

    private static void printPool(PoolView pool, Instant now, PrintWriter out) {
        String ago = DbText.duration(Duration.between(pool.state().updatedAt(), now));
        if (pool.stale()) {
            out.printf("  %s  STALE: last report %s ago; stopped without saying so, or cannot reach the database%n",
                    pool.state().instance(), ago);
            return;
        }
        PoolFigures figures = pool.state().figures();
        out.printf("  %s  active %d of %d, idle %d, waiting %d; the server shows %d session(s)%s  (reported %s ago)%n",
                pool.state().instance(), figures.active(), figures.maximum(), figures.idle(), figures.waiting(),
                pool.serverSessions(), pool.fullFor().map(full -> "  FULL for " + DbText.duration(full)).orElse(""),
                ago);
    }

    static Map<String, Object> json(ConnectionsReport report, ExitCode outcome) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("at", report.at().toString());
        document.put("status", outcome == ExitCode.CONNECTIONS_EXHAUSTED ? "exhausted" : "ok");
        document.put("exit_code", outcome.code());
        ConnectionsReport.ServerSlots slots = report.slots();
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("max_connections", slots.maxConnections());
        server.put("superuser_reserved", slots.superuserReserved());
        server.put("used", slots.used());
        server.put("free", slots.free());
        document.put("server", server);
        document.put("sessions", report.groups().stream().map(group -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("database", group.database());
            row.put("application", group.application());
            row.put("state", group.state());
            row.put("client", group.client());
            row.put("sessions", group.sessions());
            return row;
        }).toList());
        document.put("idle_in_transaction", report.idleInTransaction().stream().map(idle -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pid", idle.pid());
            row.put("database", idle.database());
            row.put("user", idle.user());
            row.put("application", idle.application());
            row.put("client", idle.client());
            row.put("idle_s", idle.idleFor().toMillis() / 1000.0);
            row.put("transaction_s", idle.transactionAge().toMillis() / 1000.0);
            row.put("query", idle.query());
            return row;
        }).toList());
        document.put("pools", report.pools().stream().map(ConnectionsView::poolJson).toList());
        document.put("findings", report.findings().stream().map(finding -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", finding.exhausted() ? "exhausted" : "warning");
            row.put("message", finding.message());
            return row;
        }).toList());
        return document;
    }

    private static Map<String, Object> poolJson(PoolView pool) {
        Map<String, Object> row = new LinkedHashMap<>();
        PoolFigures figures = pool.state().figures();
        row.put("instance", pool.state().instance());
        row.put("application_name", pool.state().applicationName());
        row.put("active", figures.active());
        row.put("idle", figures.idle());
        row.put("waiting", figures.waiting());
        row.put("maximum", figures.maximum());
        row.put("server_sessions", pool.serverSessions());
        row.put("full_since", pool.state().fullSince().map(Instant::toString).orElse(null));
        row.put("full_s", pool.fullFor().map(full -> full.toMillis() / 1000.0).orElse(null));
        row.put("exhausted", !pool.stale() && pool.state().exhausted());
        row.put("reported_at", pool.state().updatedAt().toString());
        row.put("stale", pool.stale());
        return row;
    }
}
