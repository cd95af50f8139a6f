package org.luvhive.core.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.update.InboxProcessor;

/** Evaluations land in alert_state, one row per instance and alert; silent instances turn stale. */
@ExtendWith(PostgresExtension.class)
class AlertStoreTest {

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-01T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AlertStore store;

    AlertStoreTest(TestDatabase database) {
        this.database = database;
        this.store = new AlertStore(database.jdbi());
    }

    @BeforeEach
    void clean() {
        database.jdbi().useHandle(handle -> handle.execute("delete from alert_state"));
    }

    private AlertEvaluator evaluator(String instance) {
        return new AlertEvaluator(registry, new FakeProcess(), store, clock, instance, AlertRules.runbook(),
                Duration.ofSeconds(5));
    }

    @Test
    void eachRunUpsertsOneRowPerAlertAndTheReportShowsFiringInstances() {
        AlertEvaluator evaluator = evaluator("bot-a");
        evaluator.run();
        clock.advance(Duration.ofSeconds(5));
        Counter.builder(InboxProcessor.FAILED).tag("outcome", "dead").register(registry).increment(3);
        evaluator.run();

        StatusReport report = StatusReport.read(database.jdbi(), clock);

        assertThat(report.instances()).singleElement().satisfies(instance -> {
            assertThat(instance.instance()).isEqualTo("bot-a");
            assertThat(instance.stale()).isFalse();
            assertThat(instance.alerts()).hasSize(Alert.values().length);
            assertThat(instance.reportedAt()).isEqualTo(clock.instant());
        });
        AlertStatus errorRate = report.instances().get(0).alerts().stream()
                .filter(status -> status.alert().equals("error_rate")).findFirst().orElseThrow();
        assertThat(errorRate.state()).isEqualTo(AlertState.FIRING);
        assertThat(errorRate.value()).hasValue(1.0);
        assertThat(errorRate.threshold()).isEqualTo(0.01);
        assertThat(errorRate.since()).isEqualTo(clock.instant());
        assertThat(report.anyFiring()).isTrue();
        assertThat(report.anyRunning()).isTrue();
        long rows = database.jdbi().withHandle(handle ->
                handle.createQuery("select count(*) from alert_state").mapTo(Long.class).one());
        assertThat(rows).isEqualTo(Alert.values().length);
    }

    @Test
    void anInstanceSilentForAMinuteIsStaleAndItsFiringNoLongerCounts() {
        AlertEvaluator evaluator = evaluator("bot-gone");
        evaluator.run();
        clock.advance(Duration.ofSeconds(5));
        Counter.builder(InboxProcessor.FAILED).tag("outcome", "dead").register(registry).increment();
        evaluator.run();
        assertThat(StatusReport.read(database.jdbi(), clock).anyFiring()).isTrue();

        clock.advance(Duration.ofSeconds(61));
        StatusReport report = StatusReport.read(database.jdbi(), clock);

        assertThat(report.instances()).singleElement().satisfies(instance -> {
            assertThat(instance.stale()).isTrue();
            assertThat(instance.firing()).isTrue();
        });
        assertThat(report.anyFiring()).isFalse();
        assertThat(report.anyRunning()).isFalse();
    }

    @Test
    void aCleanStopForgetsTheInstanceAndADayOfSilenceToo() {
        evaluator("bot-stopped").run();
        evaluator("bot-crashed").run();
        store.forget("bot-stopped");
        assertThat(StatusReport.read(database.jdbi(), clock).instances()).extracting(StatusReport.InstanceAlerts::instance)
                .containsExactly("bot-crashed");

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        evaluator("bot-new").run();

        assertThat(StatusReport.read(database.jdbi(), clock).instances()).extracting(StatusReport.InstanceAlerts::instance)
                .containsExactly("bot-new");
    }

    @Test
    void queueFiguresComeFromTheDatabase() {
        Instant created = clock.instant().minusSeconds(90);
        database.jdbi().useHandle(handle -> {
            handle.execute("delete from outbox");
            handle.execute("delete from inbox");
            handle.execute("insert into outbox (chat_id, priority, method, status, not_before, created_at) "
                    + "values (1, 0, 'sendMessage', 'queued', ?, ?), (2, 0, 'sendMessage', 'parked', ?, ?)",
                    created, created, created, created);
            handle.execute("insert into inbox (update_id, kind, user_id, status, next_attempt_at, received_at) "
                    + "values (1, 'message', 7, 'pending', ?, ?)", created, created);
        });

        StatusReport.Queues queues = StatusReport.read(database.jdbi(), clock).queues();

        assertThat(queues.outboxDepth()).isEqualTo(1);
        assertThat(queues.outboxOldest()).isEqualTo(Duration.ofSeconds(90));
        assertThat(queues.outboxParked()).isEqualTo(1);
        assertThat(queues.inboxWaiting()).isEqualTo(1);
    }
}
