package org.luvhive.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.delivery.OutboxSender;
import org.luvhive.core.ops.alerts.AlertEvaluator;
import org.luvhive.core.ops.alerts.AlertRules;
import org.luvhive.core.ops.alerts.AlertStore;
import org.luvhive.core.ops.alerts.ProcessReadings;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.update.InboxProcessor;

/** {@code luvhive status} against alert states written by evaluators as running bots write them. */
@ExtendWith(PostgresExtension.class)
class StatusCommandTest {

    @TempDir
    Path home;

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-01T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, String> environment = new HashMap<>();

    StatusCommandTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void clean() {
        database.jdbi().useHandle(handle -> {
            handle.execute("delete from alert_state");
            handle.execute("delete from outbox");
            handle.execute("delete from inbox");
        });
        environment.putAll(database.environment());
    }

    private AlertEvaluator bot(String instance) {
        ProcessReadings process = new ProcessReadings() {
            @Override
            public double heapUsedRatio() {
                return 0.42;
            }

            @Override
            public double cpuUsage() {
                return Double.NaN;
            }
        };
        return new AlertEvaluator(registry, process, new AlertStore(database.jdbi()), clock, instance,
                AlertRules.runbook(), Duration.ofSeconds(5));
    }

    private CliRun status(String... more) {
        String[] args = new String[more.length + 1];
        args[0] = "status";
        System.arraycopy(more, 0, args, 1, more.length);
        return CliRun.run(environment, home, clock, args);
    }

    @Test
    void withNoBotRunningItStillShowsTheQueuesAndExits21() {
        database.jdbi().useHandle(handle -> handle.execute(
                "insert into outbox (chat_id, priority, method, status, not_before, created_at) "
                        + "values (1, 0, 'sendMessage', 'queued', ?, ?)", clock.instant().minusSeconds(30),
                clock.instant().minusSeconds(30)));

        CliRun run = status();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(21);
        assertThat(run.out()).contains("no bot instance has reported")
                .contains("outbox  1 waiting, oldest 30s, 0 parked")
                .contains("inbox   0 waiting")
                .contains("NO BOT");
    }

    @Test
    void allOkExitsZeroAndShowsEachFigureAgainstItsThreshold() {
        AlertEvaluator bot = bot("bot-a");
        bot.run();
        clock.advance(Duration.ofSeconds(5));
        bot.run();

        CliRun run = status();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("bot-a  (reported 0s ago)")
                .containsPattern("error_rate +0% +> 1% over 5m +OK +since 2026-03-01 12:00:00 UTC \\(5s\\)")
                .containsPattern("db_p95 +no data +> 200 ms over 5m +OK")
                .containsPattern("floodwait +0/min +> 5/min over 1m +OK")
                .containsPattern("queue_depth +no data +> 100 rows for 1m +OK")
                .containsPattern("memory +42% +> 85% for 1m +OK")
                .containsPattern("cpu +no data +> 80% for 1m +OK")
                .endsWith("OK" + System.lineSeparator());
    }

    @Test
    void aFiringAlertExits20AndSaysWhereAndSince() throws Exception {
        AlertEvaluator bot = bot("bot-a");
        bot.run();
        clock.advance(Duration.ofSeconds(5));
        Counter.builder(OutboxSender.FLOOD_WAITS).tag("scope", "chat").tag("method", "sendMessage")
                .register(registry).increment(9);
        bot.run();
        clock.advance(Duration.ofSeconds(2));

        CliRun text = status();
        CliRun json = status("--json");

        assertThat(text.exitCode()).isEqualTo(20);
        assertThat(text.out()).containsPattern("floodwait +9/min +> 5/min over 1m +FIRING +since 2026-03-01 12:00:05 UTC")
                .contains("FIRING: floodwait on bot-a");
        assertThat(json.exitCode()).isEqualTo(20);
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertThat(document.at("/status").asText()).isEqualTo("firing");
        assertThat(document.at("/exit_code").asInt()).isEqualTo(20);
        JsonNode floodwait = document.at("/instances/0/alerts").findParents("alert").stream()
                .filter(alert -> alert.get("alert").asText().equals("floodwait")).findFirst().orElseThrow();
        assertThat(floodwait.get("value").asDouble()).isEqualTo(9);
        assertThat(floodwait.get("threshold").asDouble()).isEqualTo(5);
        assertThat(floodwait.get("state").asText()).isEqualTo("firing");
        assertThat(floodwait.get("since").asText()).isEqualTo("2026-03-01T12:00:05Z");
        assertThat(floodwait.get("unit").asText()).isEqualTo("per_minute");
        assertThat(document.at("/queues/outbox_depth").asLong()).isZero();
        assertThat(document.at("/instances/0/stale").asBoolean()).isFalse();
    }

    @Test
    void anInstanceThatStoppedReportingIsMarkedStaleAndItsAlertsDoNotCount() {
        AlertEvaluator gone = bot("bot-gone");
        gone.run();
        clock.advance(Duration.ofSeconds(5));
        Counter.builder(InboxProcessor.FAILED).tag("outcome", "dead").register(registry).increment();
        gone.run();
        clock.advance(Duration.ofMinutes(5));
        bot("bot-alive").run();

        CliRun run = status();

        assertThat(run.exitCode()).as("the firing alert of a gone instance does not count").isZero();
        assertThat(run.out()).contains("bot-gone  STALE: last report 2026-03-01 12:00:05 UTC (5m ago)")
                .contains("bot-alive  (reported 0s ago)");
    }
}
