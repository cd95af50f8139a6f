package org.luvhive.cli.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.core.telegram.RawUpdate;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.update.InboxStore;

/**
 * {@code luvhive inbox quarantine}: what was set aside, newest first, its bytes escaped so
 * a terminal shows them safely; exit 0 when nothing is held, 22 when something is.
 */
@ExtendWith(PostgresExtension.class)
class InboxQuarantineCommandTest {

    @TempDir
    Path home;

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-12-06T12:00:00Z");

    InboxQuarantineCommandTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void empty() {
        database.jdbi().useHandle(handle -> handle.execute("truncate update_quarantine"));
    }

    private void receive(String... bodies) {
        InboxStore store = new InboxStore(database.jdbi(), new ObjectMapper(), clock, new SimpleMeterRegistry(),
                () -> { });
        for (String body : bodies) {
            store.storeWebhookBody(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anEmptyQuarantineSaysSoAndExitsZero() throws Exception {
        CliRun run = CliRun.run(database.environment(), home, clock, "inbox", "quarantine");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("The quarantine is empty: every update received was stored.\n");

        CliRun json = CliRun.run(database.environment(), home, clock, "inbox", "quarantine", "--json");
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertThat(document.path("total").asLong()).isZero();
        assertThat(document.path("updates")).isEmpty();
    }

    @Test
    void heldUpdatesAreListedNewestFirstEscapedAndExitTwentyTwo() throws Exception {
        receive("{\"update_id\": 7, \"message\": {\"message_id\": 1, \"date\": 1, \"text\": \"line\\nbreak\"}}");
        clock.advance(Duration.ofMinutes(5));
        receive("{not json\u001b[31m");

        CliRun run = CliRun.run(database.environment(), home, clock, "inbox", "quarantine");

        assertThat(run.exitCode()).isEqualTo(ExitCode.QUARANTINE_NOT_EMPTY.code()).isEqualTo(22);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("2 update(s) in quarantine; newest first:");
        assertThat(run.out()).doesNotContain("\u001b").contains("{not json\\u001B[31m")
                .contains("update 7  via webhook").contains("incomplete: message without chat")
                .contains("(5 min ago)").contains("without update_id");
        assertThat(run.out().indexOf("without update_id")).as("newest first")
                .isLessThan(run.out().indexOf("update 7 "));

        CliRun json = CliRun.run(database.environment(), home, clock, "inbox", "quarantine", "--json", "--limit", "1");
        assertThat(json.exitCode()).isEqualTo(22);
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertThat(document.path("total").asLong()).isEqualTo(2);
        assertThat(document.path("updates")).singleElement().satisfies(update -> {
            assertThat(update.path("update_id").isNull()).isTrue();
            assertThat(update.path("category").asText()).isEqualTo("unreadable");
            assertThat(update.path("source").asText()).isEqualTo("webhook");
            assertThat(update.path("raw").asText()).isEqualTo("{not json\\u001B[31m");
            assertThat(update.path("size_bytes").asInt()).isEqualTo(14);
        });
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        CliRun run = CliRun.run(database.environment(), home, clock, "inbox", "quarantine", "--limit", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--limit must be at least 1, not 0");
    }
}
