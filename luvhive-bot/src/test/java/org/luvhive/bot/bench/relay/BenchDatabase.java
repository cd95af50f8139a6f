package org.luvhive.bot.bench.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DatabaseConnector;
import org.luvhive.core.db.EmbeddedPostgresServer;
import org.luvhive.core.db.PoolSettings;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.settings.OpsSettings;

/**
 * The run's PostgreSQL: the embedded server the bots use by default (fsync on, started
 * here so it outlives bot restarts; the bots migrate it), with the users onboarded and
 * paired by SQL, and the server-side counters a phase is judged by. Not thread-safe.
 */
final class BenchDatabase implements AutoCloseable {

    /** User ids start here; user {@code i} is {@code FIRST_USER + i}. */
    static final long FIRST_USER = 700_000_001L;

    private final EmbeddedPostgresServer server;
    private final Database database;

    private BenchDatabase(EmbeddedPostgresServer server, Database database) {
        this.server = server;
        this.database = database;
    }

    static BenchDatabase start(Path home) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home.resolve("pgdata"),
                DatabaseConnector.EMBEDDED_DATABASE);
        Database database = Database.connect(server.databaseUrl(DatabaseConnector.EMBEDDED_DATABASE),
                PoolSettings.of(2, "bench-relay"), new SimpleMeterRegistry());
        // Not migrated here: the bots under test migrate it when they start, so a run of
        // another build (--bot) gets that build's schema, not this tree's.
        // Statement counts are of SQL statements only (transactions come from pg_stat_database):
        // with utility statements tracked, every savepoint's own name makes a new entry, and
        // evicting entries would both lose counts and cost the server time the bots should get.
        database.jdbi().useHandle(handle -> {
            handle.execute("alter system set pg_stat_statements.track_utility = off");
            handle.createQuery("select pg_reload_conf()").mapTo(Boolean.class).one();
        });
        return new BenchDatabase(server, database);
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    /**
     * The bots' own limits lifted to the highest the settings accept (the emulator enforces
     * none): a user may send 30/s in bursts of 1000, the bot 1000/s in all. Per private chat
     * the bot still sends at most Telegram's 1/s.
     */
    void raiseLimits() {
        new LimitsSettings(new OpsSettings(database.jdbi(), Clock.systemUTC()), new ObjectMapper()).store(
                new RateLimits("custom", RateLimits.HARD_PER_USER_CEILING, RateLimits.HARD_BURST_CEILING,
                        RateLimits.HARD_GLOBAL_CEILING, RateLimits.HARD_BURST_CEILING,
                        RateLimits.DEFAULT_GROUP_PER_MINUTE, true), "bench-relay");
    }

    /**
     * {@code pairs} pairs of onboarded users, each pair in an active chat: the rows the
     * onboarding and /find would have written, written directly.
     */
    void onboard(int pairs) {
        database.jdbi().useTransaction(handle -> {
            handle.createUpdate("""
                    insert into users (user_id, onboarding_step, consent_at, gender, age, country, city, interests,
                                       created_at, updated_at)
                    select :first + i, 'done', now(), case when i % 2 = 0 then 'female' else 'male' end,
                           20 + i % 40, 'Germany', 'Berlin', '', now(), now()
                    from generate_series(0, :users - 1) i
                    """).bind("first", FIRST_USER).bind("users", pairs * 2).execute();
            handle.createUpdate("insert into chats (id, started_at) select p, now() from generate_series(1, :pairs) p")
                    .bind("pairs", pairs).execute();
            handle.createQuery("select setval('chats_id_seq', :pairs)").bind("pairs", pairs).mapTo(Long.class).one();
            handle.createUpdate("""
                    insert into chat_members (chat_id, user_id, partner_id)
                    select p + 1, :first + 2 * p + side, :first + 2 * p + 1 - side
                    from generate_series(0, :pairs - 1) p, generate_series(0, 1) side
                    """).bind("first", FIRST_USER).bind("pairs", pairs).execute();
        });
    }

    /** The user's updates stored since {@code since}, by inbox status (pending, handled, skipped, ...). */
    Map<String, Long> updatesOf(long userId, Instant since) {
        List<Map<String, Object>> rows = database.jdbi().withHandle(handle -> handle.createQuery("""
                select status, count(*) as updates from inbox where user_id = :user and received_at >= :since
                group by status""").bind("user", userId).bind("since", since.atOffset(ZoneOffset.UTC))
                .mapToMap().list());
        Map<String, Long> statuses = new TreeMap<>();
        rows.forEach(row -> statuses.put((String) row.get("status"), number(row, "updates")));
        return statuses;
    }

    /** Server-wide counters of this database, to take differences of. */
    Counters counters() {
        return database.jdbi().withHandle(handle -> {
            Map<String, Object> row = handle.createQuery("""
                    select (select xact_commit from pg_stat_database where datname = current_database()) as commits,
                           (select wal_sync from pg_stat_wal) as wal_syncs,
                           (select wal_bytes from pg_stat_wal)::bigint as wal_bytes,
                           (select coalesce(sum(calls), 0) from pg_stat_statements s
                            where s.dbid = (select oid from pg_database where datname = current_database()))::bigint
                           as statements
                    """).mapToMap().one();
            return new Counters(number(row, "commits"), number(row, "wal_syncs"), number(row, "wal_bytes"),
                    number(row, "statements"), ProcFs.serverCpuMillis(postmasterPid()));
        });
    }

    /** The statements run most often since the last reset, with their calls. */
    List<Map<String, Object>> topStatements(int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                select calls, round(total_exec_time::numeric, 1) as total_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as query
                from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                order by calls desc limit :limit
                """).bind("limit", limit).mapToMap().list());
    }

    /** Forgets the statement statistics, so the next reading counts one phase. */
    void resetStatements() {
        database.jdbi().useHandle(handle -> handle.createQuery("select pg_stat_statements_reset()").mapTo(String.class)
                .findOne());
    }

    /** Pending statistics reach the shared counters within a second of a backend's last transaction. */
    void flushStatistics() {
        database.jdbi().useHandle(BenchDatabase::forceFlush);
    }

    private static void forceFlush(Handle handle) {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        handle.createQuery("select pg_stat_clear_snapshot()").mapTo(String.class).findOne();
    }

    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(server.dataDirectory().resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Cumulative server figures. */
    record Counters(long commits, long walSyncs, long walBytes, long statements, double serverCpuMillis) {

        Counters minus(Counters earlier) {
            return new Counters(commits - earlier.commits, walSyncs - earlier.walSyncs, walBytes - earlier.walBytes,
                    statements - earlier.statements, serverCpuMillis - earlier.serverCpuMillis);
        }
    }

    @Override
    public void close() {
        database.close();
        server.close();
    }
}
