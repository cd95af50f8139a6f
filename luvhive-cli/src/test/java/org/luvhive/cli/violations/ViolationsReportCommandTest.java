package org.luvhive.cli.violations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
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

/** The weekly review: counts against the period before, offenders, FloodWaits from the log, the chart. */
@ExtendWith(PostgresExtension.class)
class ViolationsReportCommandTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    @TempDir
    Path home;

    private final TestDatabase database;
    private final Map<String, String> environment = new HashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    ViolationsReportCommandTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void decisions() throws Exception {
        database.jdbi().useHandle(handle -> handle.execute("delete from moderation_decisions"));
        environment.putAll(database.environment());
        environment.put("LUVHIVE_LOG_DIR", home.resolve("logs").toString());
        // this week: 3 invite links (user 1, twice struck), 1 phone (user 2), a mute; the week before: 1 invite link
        decision(1, "block", "links.invite", "invite_link", true, NOW.minus(Duration.ofHours(1)));
        decision(1, "block", "links.invite", "invite_link", true, NOW.minus(Duration.ofDays(1)));
        decision(3, "strike", "links.invite", "invite_link", false, NOW.minus(Duration.ofDays(6)));
        decision(2, "block", "contact.phone", "phone", true, NOW.minus(Duration.ofDays(2)));
        decision(1, "mute", null, null, false, NOW.minus(Duration.ofHours(1)));
        decision(4, "block", "links.invite", "invite_link", true, NOW.minus(Duration.ofDays(9)));
        decision(5, "block", "contact.phone", "phone", true, NOW.minus(Duration.ofDays(30)));
        Files.createDirectories(home.resolve("logs"));
        Files.writeString(home.resolve("logs/violations.log"), String.join("\n",
                floodWait(NOW.minus(Duration.ofDays(8)), 900, "chat"),
                floodWait(NOW.minus(Duration.ofDays(3)), 901, "chat"),
                "{not json",
                "{\"time\":\"" + NOW.minus(Duration.ofDays(1)) + "\",\"kind\":\"moderation\",\"action\":\"block\"}",
                floodWait(NOW.minus(Duration.ofHours(2)), 0, "global")) + "\n");
    }

    private void decision(long user, String action, String rule, String kind, boolean strike, Instant at) {
        database.jdbi().useHandle(handle -> handle.createUpdate("""
                insert into moderation_decisions (user_id, action, rules, kinds, level, strike, at)
                values (:user, :action, :rules, :kinds, 'normal', :strike, :at)
                """).bind("user", user).bind("action", action)
                .bind("rules", rule == null ? new String[0] : new String[] {rule})
                .bind("kinds", kind == null ? new String[0] : new String[] {kind})
                .bind("strike", strike).bind("at", at).execute());
    }

    private static String floodWait(Instant at, long chat, String scope) {
        return "{\"time\":\"" + at + "\",\"kind\":\"floodwait\",\"chat\":" + chat
                + ",\"method\":\"sendMessage\",\"retry_after\":7,\"scope\":\"" + scope + "\"}";
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
    void countsPerRuleAgainstTheWeekBeforeWithOffendersAndFloodWaits() throws Exception {
        JsonNode report = json("violations", "report", "--json");

        assertThat(report.path("rule_hits").asInt()).isEqualTo(4);
        assertThat(report.path("counts").get(0).path("key").asText()).isEqualTo("links.invite");
        assertThat(report.path("counts").get(0).path("now").asInt()).isEqualTo(3);
        assertThat(report.path("counts").get(0).path("before").asInt()).isEqualTo(1);
        assertThat(report.path("counts").get(0).path("change_percent").asDouble()).isEqualTo(200.0);
        assertThat(report.path("counts").get(1).path("key").asText()).isEqualTo("contact.phone");
        assertThat(report.path("counts").get(1).path("change_percent").isNull()).isTrue();
        assertThat(report.path("top_offenders").get(0).path("user_id").asLong()).isEqualTo(1);
        assertThat(report.path("top_offenders").get(0).path("rule_hits").asInt()).isEqualTo(2);
        assertThat(report.path("top_offenders")).hasSize(3);
        assertThat(report.path("days")).hasSize(8);
        assertThat(report.path("floodwaits").path("count").asInt()).isEqualTo(2);
        assertThat(report.path("floodwaits").path("previous").asInt()).isEqualTo(1);
        assertThat(report.path("floodwaits").path("by_scope").path("global").asInt()).isEqualTo(1);
        assertThat(report.path("floodwaits").path("events").get(0).path("chat").asLong()).isEqualTo(901);
    }

    @Test
    void groupsByKindOrDayAndReachesFurtherBack() throws Exception {
        JsonNode byKind = json("violations", "report", "--by", "kind", "--json");
        assertThat(byKind.path("counts").get(0).path("key").asText()).isEqualTo("invite_link");

        JsonNode byDay = json("violations", "report", "--by", "day", "--json");
        assertThat(byDay.path("counts")).hasSize(8);
        assertThat(byDay.path("counts").get(7).path("key").asText()).isEqualTo("2026-03-15");
        assertThat(byDay.path("counts").get(7).path("now").asInt()).isEqualTo(1);

        JsonNode month = json("violations", "report", "--since", "31d", "--json");
        assertThat(month.path("rule_hits").asInt()).isEqualTo(6);
    }

    @Test
    void theDailyChartIsDrawnOnATerminalOrOnRequest() {
        CliRun plain = run("violations", "report");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("links.invite").contains("+200%").contains("FloodWaits: 2 (before: 1)")
                .doesNotContain("Daily rule hits").doesNotContain("█");

        CliRun chart = run("violations", "report", "--chart", "always");
        assertThat(chart.out()).contains("Daily rule hits").contains("2026-03-15 " + "█".repeat(40));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("violations", "report", "--by", "week").exitCode()).isEqualTo(2);
        assertThat(run("violations", "report", "--since", "soon").exitCode()).isEqualTo(2);
        assertThat(run("violations", "report", "--since", "0d").exitCode()).isEqualTo(2);
    }
}
