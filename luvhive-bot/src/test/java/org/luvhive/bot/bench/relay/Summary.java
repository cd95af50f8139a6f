package org.luvhive.bot.bench.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The last line: the run's figures together, per-message costs over every phase, and what
 * was lost, duplicated or reordered counted once the bots were left to finish (a message a
 * phase's drain timeout cut off but that arrived later is late, not lost). Stateless.
 */
final class Summary {

    private Summary() {
    }

    static ObjectNode of(List<PhaseReport> reports, List<PhaseLog.Snapshot> finals, boolean settled, ObjectNode backlog,
                         RelayBenchOptions options) {
        ObjectNode json = new ObjectMapper().createObjectNode().put("summary", true)
                .put("instances", options.instances()).put("intake", options.webhook() ? "webhook" : "polling")
                .put("pairs", options.pairs())
                .put("cpus", Runtime.getRuntime().availableProcessors());
        reports.stream().filter(report -> report.rate() == null).findFirst().ifPresent(saturation -> {
            json.put("relayed_per_s", saturation.relayedPerSecond());
            json.putObject("stages_ms").put("stored_p50", saturation.stages().storedP50())
                    .put("handled_p50", saturation.stages().handledP50())
                    .put("sent_p50", saturation.stages().sentP50());
        });
        ObjectNode latency = json.putObject("latency_ms");
        long sent = 0;
        long lost = 0;
        long duplicated = 0;
        long reordered = 0;
        long statements = 0;
        long commits = 0;
        long walSyncs = 0;
        double botCpu = 0;
        double serverCpu = 0;
        double benchCpu = 0;
        double allocated = 0;
        double rss = 0;
        double loadLow = Double.MAX_VALUE;
        double loadHigh = 0;
        for (PhaseReport report : reports) {
            double[] latencies = report.latencies();
            if (report.rate() != null) {
                latency.putObject(String.valueOf(report.rate())).put("p50", Percentiles.of(latencies, 50))
                        .put("p99", Percentiles.of(latencies, 99));
            }
            sent += report.log().sent();
            statements += report.costs().server().statements();
            commits += report.costs().server().commits();
            walSyncs += report.costs().server().walSyncs();
            botCpu += report.costs().botCpuMillis();
            serverCpu += report.costs().server().serverCpuMillis();
            benchCpu += report.costs().benchCpuMillis();
            allocated += report.costs().allocatedBytes();
            rss = Math.max(rss, report.costs().maxRssMiB());
            loadLow = Math.min(loadLow, Math.min(report.costs().loadAtStart(), report.costs().loadAtEnd()));
            loadHigh = Math.max(loadHigh, Math.max(report.costs().loadAtStart(), report.costs().loadAtEnd()));
        }
        for (PhaseLog.Snapshot log : finals) {
            lost += log.sent() - log.delivered();
            duplicated += log.duplicated();
            reordered += log.reordered();
        }
        double messages = Math.max(1, sent);
        json.put("settled", settled).put("undelivered", lost);
        if (settled) {
            json.put("lost", lost);
        } else {
            json.putNull("lost"); // not known: the bots had not finished when the run gave up waiting
        }
        json.put("duplicated", duplicated).put("reordered", reordered)
                .put("statements_per_message", PhaseReport.round(statements / messages, 2))
                .put("commits_per_message", PhaseReport.round(commits / messages, 3))
                .put("wal_syncs_per_message", PhaseReport.round(walSyncs / messages, 3));
        json.putObject("cpu_ms_per_message").put("bot", PhaseReport.round(botCpu / messages, 3))
                .put("postgres", PhaseReport.round(serverCpu / messages, 3))
                .put("emulator_and_users", PhaseReport.round(benchCpu / messages, 3));
        json.put("alloc_kb_per_message", PhaseReport.round(allocated / 1024 / messages, 1))
                .put("rss_mb", Math.round(rss));
        if (!reports.isEmpty()) {
            json.putArray("load_avg").add(loadLow).add(loadHigh);
        }
        if (backlog != null) {
            json.putObject("backlog").put("updates", backlog.path("backlog").asInt())
                    .put("drain_s", backlog.path("backlog_drain_s").asDouble())
                    .put("drained", backlog.path("backlog_drained").asBoolean())
                    .put("new_rate", backlog.path("rate").asInt())
                    .put("new_p50_ms", backlog.path("p50_ms").asDouble())
                    .put("new_p99_ms", backlog.path("p99_ms").asDouble())
                    .put("undelivered", backlog.path("undelivered").asLong())
                    .put("duplicated", backlog.path("duplicated").asLong())
                    .put("reordered", backlog.path("reordered").asLong());
        }
        return json;
    }
}
