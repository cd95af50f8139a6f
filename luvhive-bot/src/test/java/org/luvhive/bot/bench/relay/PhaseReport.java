package org.luvhive.bot.bench.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One phase's figures as the JSON line the benchmark prints. Per-message costs divide by
 * the messages the phase sent. Immutable.
 */
record PhaseReport(String phase, Integer rate, PhaseLog.Snapshot log, int firstNumber, StageSplit.Stages stages,
                   PhaseMeter.Costs costs, boolean drained, double drainSeconds) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    int sent() {
        return log.sent() - firstNumber;
    }

    int delivered() {
        int delivered = 0;
        for (int number = firstNumber; number < log.sent(); number++) {
            delivered += log.arrivedNanos()[number] != 0 ? 1 : 0;
        }
        return delivered;
    }

    /** Delivered copies a second, from the first send to the last copy. */
    double relayedPerSecond() {
        double seconds = (log.lastArrival() - log.firstSend()) / 1e9;
        return seconds <= 0 ? 0 : round(log.delivered() / seconds, 1);
    }

    double[] latencies() {
        int delivered = delivered();
        double[] latencies = new double[delivered];
        int index = 0;
        for (int number = firstNumber; number < log.sent(); number++) {
            if (log.arrivedNanos()[number] != 0) {
                latencies[index++] = (log.arrivedNanos()[number] - log.sentNanos()[number]) / 1e6;
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    /**
     * The p99 latency of the messages sent in each second of the phase (second 0 starts at
     * its first send), so a tail can be placed: the first seconds after a rate change, or
     * a stall in the middle.
     */
    double[] p99BySecond() {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int number = firstNumber; number < log.sent(); number++) {
            start = Math.min(start, log.sentNanos()[number]);
            end = Math.max(end, log.sentNanos()[number]);
        }
        if (start > end) {
            return new double[0];
        }
        List<List<Double>> seconds = new ArrayList<>();
        for (long second = 0; second <= (end - start) / 1_000_000_000L; second++) {
            seconds.add(new ArrayList<>());
        }
        for (int number = firstNumber; number < log.sent(); number++) {
            if (log.arrivedNanos()[number] != 0) {
                seconds.get((int) ((log.sentNanos()[number] - start) / 1_000_000_000L))
                        .add((log.arrivedNanos()[number] - log.sentNanos()[number]) / 1e6);
            }
        }
        return seconds.stream().mapToDouble(latencies -> Percentiles.of(
                latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 99)).toArray();
    }

    ObjectNode json(int instances, int pairs) {
        double[] latencies = latencies();
        int messages = Math.max(1, log.sent());
        BenchDatabase.Counters server = costs.server();
        ObjectNode json = MAPPER.createObjectNode().put("phase", phase);
        if (rate != null) {
            json.put("rate", rate);
        }
        json.put("instances", instances).put("pairs", pairs).put("sent", sent()).put("delivered", delivered())
                .put("undelivered", log.sent() - log.delivered()).put("duplicated", log.duplicated())
                .put("reordered", log.reordered()).put("relayed_per_s", relayedPerSecond())
                .put("send_rate_per_s", round(sendRate(), 1))
                .put("p50_ms", Percentiles.of(latencies, 50)).put("p90_ms", Percentiles.of(latencies, 90))
                .put("p99_ms", Percentiles.of(latencies, 99))
                .put("max_ms", latencies.length == 0 ? 0 : round(latencies[latencies.length - 1], 1));
        json.putObject("stages_ms").put("stored_p50", stages.storedP50()).put("stored_p99", stages.storedP99())
                .put("handled_p50", stages.handledP50()).put("handled_p99", stages.handledP99())
                .put("sent_p50", stages.sentP50()).put("sent_p99", stages.sentP99()).put("matched", stages.matched());
        json.put("statements_per_message", round((double) server.statements() / messages, 2))
                .put("commits_per_message", round((double) server.commits() / messages, 3))
                .put("wal_syncs_per_message", round((double) server.walSyncs() / messages, 3))
                .put("wal_kb_per_message", round(server.walBytes() / 1024.0 / messages, 2));
        json.putObject("cpu_ms_per_message").put("bot", round(costs.botCpuMillis() / messages, 3))
                .put("postgres", round(server.serverCpuMillis() / messages, 3))
                .put("emulator_and_users", round(costs.benchCpuMillis() / messages, 3));
        json.put("alloc_kb_per_message", round(costs.allocatedBytes() / 1024 / messages, 1))
                .put("rss_mb", Math.round(costs.maxRssMiB()))
                .put("drained", drained).put("drain_s", round(drainSeconds, 1));
        json.putArray("load_avg").add(costs.loadAtStart()).add(costs.loadAtEnd());
        if (rate != null) {
            ArrayNode bySecond = json.putArray("p99_ms_by_second");
            Arrays.stream(p99BySecond()).forEach(bySecond::add);
        }
        return json;
    }

    private double sendRate() {
        double seconds = (log.lastSend() - log.firstSend()) / 1e9;
        return seconds <= 0 ? 0 : log.sent() / seconds;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
