package org.luvhive.cli.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** The monthly payments review and the live fraud limits. */
@ExtendWith(PostgresExtension.class)
class PaymentsCommandsTest {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    @TempDir
    Path home;

    private final TestDatabase database;
    private final Map<String, String> environment = new HashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    PaymentsCommandsTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void payments() {
        database.jdbi().useHandle(handle -> {
            handle.execute("delete from search_promises");
            handle.execute("delete from payments");
            handle.execute("delete from checkout_refusals");
            handle.execute("delete from payment_signals");
            handle.execute("delete from ops_settings");
        });
        environment.putAll(database.environment());
        environment.put("USER", "finance");
        payment("c1", 11, 250, NOW.minus(Duration.ofDays(3)), null);
        payment("c2", 11, 100, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));
        payment("c3", 12, 600, NOW.minus(Duration.ofDays(10)), null);
        payment("c4", 13, 1000, NOW.minus(Duration.ofDays(40)), null);
        refusal(11, "limit_hour", NOW.minus(Duration.ofHours(5)));
        refusal(11, "limit_5_minutes", NOW.minus(Duration.ofHours(4)));
        refusal(14, "limit_refused", NOW.minus(Duration.ofHours(3)));
        refusal(15, "price_changed", NOW.minus(Duration.ofHours(2)));
        signal("refund", 11, NOW.minus(Duration.ofDays(1)));
        signal("refund_after_use", 11, NOW.minus(Duration.ofDays(1)));
        signal("charge_seen_twice", 12, NOW.minus(Duration.ofDays(5)));
        signal("refund", 13, NOW.minus(Duration.ofDays(45)));
    }

    private void payment(String charge, long user, int stars, Instant paidAt, Instant refundedAt) {
        database.jdbi().useHandle(handle -> handle.createUpdate("""
                insert into payments (telegram_payment_charge_id, user_id, days, amount, currency, paid_at,
                                      premium_until_after, refunded_at)
                values (:charge, :user, 7, :stars, 'XTR', :paidAt, :paidAt, :refundedAt)
                """).bind("charge", charge).bind("user", user).bind("stars", stars).bind("paidAt", paidAt)
                .bind("refundedAt", refundedAt).execute());
    }

    private void refusal(long user, String code, Instant at) {
        database.jdbi().useHandle(handle -> handle.createUpdate(
                "insert into checkout_refusals (user_id, at, reason, code) values (:user, :at, 'text', :code)")
                .bind("user", user).bind("at", at).bind("code", code).execute());
    }

    private void signal(String kind, long user, Instant at) {
        database.jdbi().useHandle(handle -> handle.createUpdate(
                "insert into payment_signals (kind, user_id, at) values (:kind, :user, :at)")
                .bind("kind", kind).bind("user", user).bind("at", at).execute());
    }

    private CliRun run(String... args) {
        return CliRun.run(environment, home, Clock.fixed(NOW, ZoneOffset.UTC), args);
    }

    private JsonNode json(String... args) throws Exception {
        CliRun run = run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return mapper.readTree(run.out());
    }

    @Test
    void theMonthlyReportCountsRevenueRefundsLimitsRefusalsAndSignals() throws Exception {
        JsonNode report = json("payments", "report", "--json");

        assertThat(report.path("payments").asInt()).isEqualTo(3);
        assertThat(report.path("payers").asInt()).isEqualTo(2);
        assertThat(report.path("revenue_stars").asInt()).isEqualTo(950);
        assertThat(report.path("refunds").asInt()).isEqualTo(1);
        assertThat(report.path("net_stars").asInt()).isEqualTo(850);
        assertThat(report.path("refund_rate_percent").asDouble()).isEqualTo(33.3);
        assertThat(report.path("users_over_fraud_limits").asInt()).isEqualTo(2);
        assertThat(report.path("over_fraud_limits").path("11").asInt()).isEqualTo(2);
        assertThat(report.path("refused_pre_checkouts_by_reason").path("price_changed").asInt()).isEqualTo(1);
        assertThat(report.path("refused_pre_checkouts_by_reason").path("limit_hour").asInt()).isEqualTo(1);
        assertThat(report.path("signals").path("refund").asInt()).isEqualTo(1);
        assertThat(report.path("signal_users").path("refund_after_use").path("11").asInt()).isEqualTo(1);
        assertThat(report.path("signal_users").path("charge_seen_twice").path("12").asInt()).isEqualTo(1);

        assertThat(json("payments", "report", "--since", "60d", "--json").path("revenue_stars").asInt())
                .isEqualTo(1950);
        CliRun text = run("payments", "report");
        assertThat(text.out()).contains("950 ⭐ from 3 payment(s) by 2 user(s)").contains("refund rate 33.3%")
                .contains("refund_after_use").contains("limit_hour (1)");
    }

    @Test
    void theReportShowsPaidBoostsKeptAndRefundedAndFilterSearchesCredited() throws Exception {
        payment("b1", 21, 25, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(2)));
        payment("b2", 22, 25, NOW.minus(Duration.ofDays(2)), null);
        payment("b3", 23, 25, NOW.minus(Duration.ofMinutes(5)), null);
        promise("paid_boost", 21, "b1", NOW.minus(Duration.ofDays(2)), "refunded", null);
        promise("paid_boost", 22, "b2", NOW.minus(Duration.ofDays(2)), "kept", null);
        promise("paid_boost", 23, "b3", NOW.minus(Duration.ofMinutes(5)), null, null);
        promise("filter_search", 24, null, NOW.minus(Duration.ofDays(1)), "credited", 600L);

        JsonNode searches = json("payments", "report", "--json").path("paid_searches");
        assertThat(searches.path("paid_boosts").asInt()).isEqualTo(3);
        assertThat(searches.path("kept").asInt()).isEqualTo(1);
        assertThat(searches.path("refunded").asInt()).isEqualTo(1);
        assertThat(searches.path("refunded_stars").asInt()).isEqualTo(25);
        assertThat(searches.path("running").asInt()).isEqualTo(1);
        assertThat(searches.path("filter_searches_credited").asInt()).isEqualTo(1);
        assertThat(searches.path("credited_seconds").asInt()).isEqualTo(600);
        assertThat(run("payments", "report").out())
                .contains("Paid boosts:        3: 1 found a partner in time, 1 refunded automatically (25 ⭐)")
                .contains("Filter searches:    1 credited, 10 min of premium given back");
    }

    private void promise(String kind, long user, String charge, Instant startedAt, String outcome, Long credited) {
        database.jdbi().useHandle(handle -> handle.createUpdate("""
                insert into search_promises (kind, user_id, started_at, due_at, charge_id, stars, outcome, settled_at,
                                             credited_seconds)
                values (:kind, :user, :startedAt, :dueAt, :charge, :stars, :outcome, :settledAt, :credited)
                """).bind("kind", kind).bind("user", user).bind("startedAt", startedAt)
                .bind("dueAt", startedAt.plus(Duration.ofMinutes(10))).bind("charge", charge)
                .bind("stars", charge == null ? null : 25).bind("outcome", outcome)
                .bind("settledAt", outcome == null ? null : startedAt.plus(Duration.ofMinutes(10)))
                .bind("credited", credited).execute());
    }

    @Test
    void theFraudLimitsAreShownChangedAndValidated() throws Exception {
        JsonNode defaults = json("payments", "limits", "--json");
        assertThat(defaults.path("per_hour").asInt()).isEqualTo(5);
        assertThat(defaults.path("per_5_minutes").asInt()).isEqualTo(3);
        assertThat(defaults.path("refused_per_hour").asInt()).isEqualTo(3);
        assertThat(defaults.path("stored").asBoolean()).isFalse();

        CliRun set = run("payments", "limits", "--per-hour", "8");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("8 payments an hour, 3 in 5 minutes, 3 refused pre-checkouts an hour");
        JsonNode changed = json("payments", "limits", "--json");
        assertThat(changed.path("per_hour").asInt()).isEqualTo(8);
        assertThat(changed.path("stored").asBoolean()).isTrue();

        CliRun bad = run("payments", "limits", "--per-5-minutes", "9");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("cannot exceed payments per hour");
        assertThat(run("payments", "limits", "--per-hour", "0").exitCode()).isEqualTo(2);
        assertThat(json("payments", "limits", "--json").path("per_hour").asInt()).isEqualTo(8);
    }
}
