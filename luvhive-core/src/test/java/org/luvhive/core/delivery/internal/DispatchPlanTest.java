package org.luvhive.core.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.RecordingJdbi;
import org.luvhive.core.testing.TestDatabase;

/**
 * Under load the dispatcher's passes take a row or two each; the due rows are read once
 * and offered pass after pass, read again when none left can go or after a short while,
 * so a pass costs no query of its own and a row queued meanwhile still goes soon.
 */
@ExtendWith(PostgresExtension.class)
class DispatchPlanTest {

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-12-06T12:00:00Z");
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private DispatchPlan plan;

    DispatchPlanTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void empty() {
        database.jdbi().useHandle(handle -> handle.execute("truncate outbox"));
        Jdbi counted = RecordingJdbi.on(database.database().dataSource(), statements);
        plan = new DispatchPlan(counted);
    }

    private void queue(long chatId) {
        database.jdbi().useHandle(handle -> handle.createUpdate("""
                insert into outbox (chat_id, priority, method, payload, status, not_before, created_at)
                values (:chat, 0, 'sendMessage', '{}', 'queued', :at, :at)""")
                .bind("chat", chatId).bind("at", clock.instant()).execute());
    }

    private static List<Long> chats(List<OutboxRow> rows) {
        return rows.stream().map(OutboxRow::chatId).toList();
    }

    @Test
    void passesTakeFromOneReadUntilNothingLeftCanGoOrItIsOld() {
        queue(1);
        queue(2);
        queue(3);

        List<OutboxRow> first = plan.due(clock.instant(), Set.of());
        assertThat(chats(first)).containsExactly(1L, 2L, 3L);
        plan.taken(first.get(0));
        queue(4);
        clock.advance(Duration.ofMillis(10));
        assertThat(chats(plan.due(clock.instant(), Set.of()))).as("the rest of the same read").containsExactly(2L, 3L);
        assertThat(chats(plan.due(clock.instant(), Set.of(2L)))).containsExactly(3L);
        assertThat(statements).as("one query for three passes").hasSize(1);

        assertThat(chats(plan.due(clock.instant(), Set.of(2L, 3L)))).as("nothing left can go: read again")
                .containsExactly(1L, 4L);
        assertThat(statements).hasSize(2);

        queue(5);
        clock.advance(DispatchPlan.REFRESH);
        assertThat(chats(plan.due(clock.instant(), Set.of()))).as("old: read again, the new chat in it")
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(statements).hasSize(3);
    }

    @Test
    void limitsChangedReadAgainAtOnce() {
        queue(1);
        plan.due(clock.instant(), Set.of());
        queue(2);

        plan.forgetWaits();

        assertThat(chats(plan.due(clock.instant(), Set.of()))).containsExactly(1L, 2L);
        assertThat(statements).hasSize(2);
    }
}
