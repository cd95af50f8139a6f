package org.luvhive.bot.bench.relay;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Where a phase's time went, per message, from the bot's own timestamps: stored (the
 * user's send until the inbox row's {@code received_at}), handled (until the outbox row's
 * {@code created_at}, written by the handler) and sent (until the copy reached the
 * partner at the emulator). Inbox rows are matched to messages by each user's order,
 * outbox rows by their relay correlation. Stateless.
 */
final class StageSplit {

    private StageSplit() {
    }

    /** The inbox and outbox ids in use when a phase starts: its rows come after them. */
    record Bounds(long lastUpdateId, long lastOutboxId) {

        static Bounds now(Jdbi jdbi) {
            return jdbi.withHandle(handle -> handle.createQuery("""
                    select (select coalesce(max(update_id), 0) from inbox) as inbox,
                           (select coalesce(max(id), 0) from outbox) as outbox
                    """).map((row, context) -> new Bounds(row.getLong("inbox"), row.getLong("outbox"))).one());
        }
    }

    /** p50 and p99 of each stage, in milliseconds. */
    record Stages(double storedP50, double storedP99, double handledP50, double handledP99, double sentP50,
                  double sentP99, int matched) {
    }

    /**
     * @param nanosToEpoch add to a {@link System#nanoTime()} reading to get epoch nanoseconds
     */
    static Stages measure(Jdbi jdbi, Bounds bounds, PhaseLog.Snapshot phase, int users, long nanosToEpoch) {
        int sent = phase.sent();
        long[] received = new long[sent];
        long[] queued = new long[sent];
        List<List<Integer>> byUser = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            byUser.add(new ArrayList<>());
        }
        Map<Long, Integer> bySource = new HashMap<>();
        for (int number = 0; number < sent; number++) {
            byUser.get(phase.sender()[number]).add(number);
            bySource.put(key(phase.sender()[number], phase.sourceMessage()[number]), number);
        }
        int[] seen = new int[users];
        jdbi.useHandle(handle -> {
            handle.createQuery("""
                    select user_id, received_at from inbox
                    where update_id > :after and kind = 'message' and user_id is not null order by update_id
                    """).bind("after", bounds.lastUpdateId()).map((row, context) -> {
                        int user = (int) (row.getLong("user_id") - BenchDatabase.FIRST_USER);
                        if (user >= 0 && user < users && seen[user] < byUser.get(user).size()) {
                            received[byUser.get(user).get(seen[user]++)] = epochNanos(row.getTimestamp("received_at"));
                        }
                        return 0;
                    }).forEach(ignored -> { });
            handle.createQuery("""
                    select correlation, created_at from outbox where id > :after and correlation like 'relay:%'
                    """).bind("after", bounds.lastOutboxId()).map((row, context) -> {
                        String[] parts = row.getString("correlation").split(":");
                        int user = (int) (Long.parseLong(parts[2]) - BenchDatabase.FIRST_USER);
                        Integer number = bySource.get(key(user, Integer.parseInt(parts[3])));
                        if (number != null) {
                            queued[number] = epochNanos(row.getTimestamp("created_at"));
                        }
                        return 0;
                    }).forEach(ignored -> { });
        });
        List<Double> stored = new ArrayList<>();
        List<Double> handled = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        for (int number = 0; number < sent; number++) {
            long arrived = phase.arrivedNanos()[number];
            if (received[number] == 0 || queued[number] == 0 || arrived == 0) {
                continue;
            }
            long sentAt = phase.sentNanos()[number] + nanosToEpoch;
            stored.add((received[number] - sentAt) / 1e6);
            handled.add((queued[number] - received[number]) / 1e6);
            delivered.add((arrived + nanosToEpoch - queued[number]) / 1e6);
        }
        double[] storedSorted = sorted(stored);
        double[] handledSorted = sorted(handled);
        double[] sentSorted = sorted(delivered);
        return new Stages(Percentiles.of(storedSorted, 50), Percentiles.of(storedSorted, 99),
                Percentiles.of(handledSorted, 50), Percentiles.of(handledSorted, 99), Percentiles.of(sentSorted, 50),
                Percentiles.of(sentSorted, 99), stored.size());
    }

    private static long key(int user, int messageId) {
        return ((long) user << 32) | (messageId & 0xffffffffL);
    }

    private static long epochNanos(Timestamp timestamp) {
        return timestamp.getTime() / 1000 * 1_000_000_000L + timestamp.getNanos();
    }

    private static double[] sorted(List<Double> values) {
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(array);
        return array;
    }
}
