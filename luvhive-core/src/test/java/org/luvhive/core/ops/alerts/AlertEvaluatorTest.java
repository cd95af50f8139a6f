package org.luvhive.core.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.luvhive.core.db.QueryTimingSqlLogger;
import org.luvhive.core.delivery.OutboxSender;
import org.luvhive.core.delivery.OutboxStats;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.update.InboxProcessor;
import org.luvhive.core.update.InboxStats;

/**
 * Each runbook alert fires when its condition is produced in the registry and clears
 * afterwards; time moves on a manual clock, 5 s per evaluation as in the bot.
 */
class AlertEvaluatorTest {

    private static final Duration TICK = Duration.ofSeconds(5);

    private final ManualClock clock = ManualClock.at("2026-03-01T12:00:00Z");
    private final SimpleMeterRegistry registry = HistogramRegistry.create();
    private final FakeProcess process = new FakeProcess();
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private final AlertEvaluator evaluator;

    AlertEvaluatorTest() {
        new QueryTimingSqlLogger(registry); // registers luvhive.db.query as the bot does
        Gauge.builder(OutboxStats.DEPTH, depth, AtomicLong::get).register(registry);
        Gauge.builder(InboxStats.QUARANTINED_LAST_HOUR, quarantined, AtomicLong::get).register(registry);
        evaluator = new AlertEvaluator(registry, process, null, clock, "bot-a", AlertRules.runbook(), TICK);
        evaluator.evaluate(); // the windows' first sample, as Observability.start() takes it
    }

    @Test
    void everythingIsOkOnAQuietBot() {
        tick();

        assertThat(evaluator.current()).hasSize(Alert.values().length).allSatisfy(status -> {
            assertThat(status.state()).isEqualTo(AlertState.OK);
            assertThat(status.instance()).isEqualTo("bot-a");
            assertThat(status.since()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        });
        assertThat(status(Alert.ERROR_RATE).value()).hasValue(0);
        assertThat(status(Alert.QUEUE_DEPTH).value()).hasValue(0);
    }

    @Test
    void errorRateAboveOnePercentFiresAndClearsWhenTheFailuresLeaveTheFiveMinuteWindow() {
        handled(199);
        failed(1);
        tick();
        assertThat(status(Alert.ERROR_RATE).value().getAsDouble()).isEqualTo(0.005);
        assertThat(state(Alert.ERROR_RATE)).isEqualTo(AlertState.OK);

        failed(2); // 3 of 202
        tick();
        Instant fired = clock.instant();
        assertThat(state(Alert.ERROR_RATE)).isEqualTo(AlertState.FIRING);
        assertThat(status(Alert.ERROR_RATE).since()).isEqualTo(fired);
        assertThat(status(Alert.ERROR_RATE).value().getAsDouble()).isCloseTo(3 / 202.0, within());
        assertThat(registry.get(AlertEvaluator.FIRING).tag("alert", "error_rate").gauge().value()).isEqualTo(1);

        Instant cleared = tickUntil(Alert.ERROR_RATE, AlertState.OK, Duration.ofMinutes(10));
        assertThat(Duration.between(fired, cleared)).isBetween(Duration.ofMinutes(4).plusSeconds(55),
                Duration.ofMinutes(5).plus(TICK));
        assertThat(registry.get(AlertEvaluator.FIRING).tag("alert", "error_rate").gauge().value()).isZero();
        assertThat(status(Alert.ERROR_RATE).since()).isEqualTo(cleared);
    }

    @Test
    void dbP95AboveTwoHundredMillisecondsFiresFromTheHistogramAndClearsAfterTheWindow() {
        record(90, Duration.ofMillis(4));
        record(10, Duration.ofMillis(20));
        tick();
        assertThat(state(Alert.DB_P95)).isEqualTo(AlertState.OK);
        assertThat(status(Alert.DB_P95).value().getAsDouble()).isBetween(10.0, 25.0);

        record(20, Duration.ofMillis(450)); // now 20 of 120 are slow: p95 among them
        tick();
        assertThat(state(Alert.DB_P95)).isEqualTo(AlertState.FIRING);
        assertThat(status(Alert.DB_P95).value().getAsDouble()).isBetween(400.0, 500.0);

        // fast queries only from now on; the slow ones leave the window after 5 minutes
        for (int step = 0; step < 55; step++) {
            record(10, Duration.ofMillis(3));
            tick();
        }
        assertThat(state(Alert.DB_P95)).isEqualTo(AlertState.OK);
        assertThat(status(Alert.DB_P95).value().getAsDouble()).isLessThanOrEqualTo(5.0);
    }

    @Test
    void failedQueriesCountToo() {
        Timer failedQueries = registry.get(QueryTimingSqlLogger.METER).tag("outcome", "error").timer();
        for (int query = 0; query < 10; query++) {
            failedQueries.record(Duration.ofSeconds(2));
        }
        tick();

        assertThat(state(Alert.DB_P95)).isEqualTo(AlertState.FIRING);
    }

    @Test
    void moreThanFiveFloodWaitsInAMinuteFiresAndClearsAMinuteLater() {
        floodWaits(5);
        tick();
        assertThat(state(Alert.FLOODWAIT)).as("5 per minute is the limit, not above it").isEqualTo(AlertState.OK);

        Counter.builder(OutboxSender.FLOOD_WAITS).tag("scope", "bot").tag("method", "copyMessage")
                .register(registry).increment(); // another scope and method: counted too
        tick();
        Instant fired = clock.instant();
        assertThat(state(Alert.FLOODWAIT)).isEqualTo(AlertState.FIRING);
        assertThat(status(Alert.FLOODWAIT).value()).hasValue(6);

        Instant cleared = tickUntil(Alert.FLOODWAIT, AlertState.OK, Duration.ofMinutes(3));
        assertThat(Duration.between(fired, cleared)).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void queueDepthFiresOnlyAfterSixtySecondsAboveAHundred() {
        depth.set(150);
        tick();
        Instant above = clock.instant();
        ticks(Duration.ofSeconds(30));
        depth.set(90); // a dip restarts the 60 seconds
        tick();
        depth.set(150);
        tick();
        Instant aboveAgain = clock.instant();
        ticks(Duration.ofSeconds(55));
        assertThat(state(Alert.QUEUE_DEPTH)).isEqualTo(AlertState.OK);
        assertThat(Duration.between(above, clock.instant())).isGreaterThan(Duration.ofSeconds(60));

        tick();
        assertThat(state(Alert.QUEUE_DEPTH)).isEqualTo(AlertState.FIRING);
        assertThat(status(Alert.QUEUE_DEPTH).since()).isEqualTo(aboveAgain.plusSeconds(60));
        assertThat(status(Alert.QUEUE_DEPTH).value()).hasValue(150);

        depth.set(100);
        tick();
        assertThat(state(Alert.QUEUE_DEPTH)).isEqualTo(AlertState.OK);
    }

    @Test
    void oneQuarantinedUpdateFiresAtOnceAndClearsWhenTheHourHasPassed() {
        quarantined.set(1);
        tick();
        assertThat(state(Alert.QUARANTINE)).isEqualTo(AlertState.FIRING);
        assertThat(status(Alert.QUARANTINE).value()).hasValue(1);

        quarantined.set(0); // the last one is more than an hour old
        tick();
        assertThat(state(Alert.QUARANTINE)).isEqualTo(AlertState.OK);
    }

    @Test
    void memoryAboveEightyFivePercentForAMinuteFiresAndClears() {
        process.heap = 0.90;
        tick();
        Instant above = clock.instant();
        ticks(Duration.ofSeconds(55));
        assertThat(state(Alert.MEMORY)).isEqualTo(AlertState.OK);
        tick();
        assertThat(state(Alert.MEMORY)).isEqualTo(AlertState.FIRING);
        assertThat(status(Alert.MEMORY).since()).isEqualTo(above.plusSeconds(60));
        assertThat(status(Alert.MEMORY).value()).hasValue(0.90);

        process.heap = 0.60;
        tick();
        assertThat(state(Alert.MEMORY)).isEqualTo(AlertState.OK);
    }

    @Test
    void cpuAboveEightyPercentForAMinuteFiresAndClears() {
        process.cpu = 0.95;
        ticks(Duration.ofSeconds(65));
        assertThat(state(Alert.CPU)).isEqualTo(AlertState.FIRING);

        process.cpu = 0.20;
        tick();
        assertThat(state(Alert.CPU)).isEqualTo(AlertState.OK);
        assertThat(registry.get(AlertEvaluator.VALUE).tag("alert", "cpu").gauge().value()).isEqualTo(0.20);
    }

    @Test
    void unknownReadingsAreNoDataAndNeverFire() {
        process.heap = Double.NaN;
        ticks(Duration.ofMinutes(2));

        assertThat(status(Alert.MEMORY).value()).isEmpty();
        assertThat(state(Alert.MEMORY)).isEqualTo(AlertState.OK);
    }

    @Test
    void aRegistryWithoutHistogramsGivesNoDbFigure() {
        SimpleMeterRegistry plain = new SimpleMeterRegistry();
        new QueryTimingSqlLogger(plain);
        AlertEvaluator withoutBuckets = new AlertEvaluator(plain, process, null, clock, "bot-b", AlertRules.runbook(),
                TICK);
        plain.get(QueryTimingSqlLogger.METER).tag("outcome", "success").timer().record(Duration.ofSeconds(1));

        assertThat(withoutBuckets.evaluate()).filteredOn(status -> status.alert().equals("db_p95"))
                .singleElement().satisfies(status -> {
                    assertThat(status.value()).isEmpty();
                    assertThat(status.state()).isEqualTo(AlertState.OK);
                });
    }

    private void handled(int count) {
        Counter.builder(InboxProcessor.HANDLED).tag("kind", "message").tag("outcome", "handled")
                .register(registry).increment(count);
    }

    private void failed(int count) {
        Counter.builder(InboxProcessor.FAILED).tag("outcome", "retry").register(registry).increment(count);
    }

    private void floodWaits(int count) {
        Counter.builder(OutboxSender.FLOOD_WAITS).tag("scope", "chat").tag("method", "sendMessage")
                .register(registry).increment(count);
    }

    private void record(int count, Duration each) {
        Timer timer = registry.get(QueryTimingSqlLogger.METER).tag("outcome", "success").timer();
        for (int query = 0; query < count; query++) {
            timer.record(each);
        }
    }

    private void tick() {
        clock.advance(TICK);
        evaluator.evaluate();
    }

    private void ticks(Duration total) {
        for (long step = 0; step < total.dividedBy(TICK); step++) {
            tick();
        }
    }

    private Instant tickUntil(Alert alert, AlertState wanted, Duration atMost) {
        Instant deadline = clock.instant().plus(atMost);
        while (state(alert) != wanted) {
            assertThat(clock.instant()).as(alert.label() + " never became " + wanted).isBefore(deadline);
            tick();
        }
        return clock.instant();
    }

    private AlertStatus status(Alert alert) {
        return evaluator.current().stream().filter(status -> status.alert().equals(alert.label())).findFirst()
                .orElseThrow();
    }

    private AlertState state(Alert alert) {
        return status(alert).state();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
