package org.luvhive.core.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.PoolSettings;
import org.luvhive.core.telegram.RawUpdate;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.RecordingJdbi;
import org.luvhive.core.testing.TestDatabase;

/**
 * Poison updates (what no Telegram client sends, but a bot must survive): each one is
 * quarantined, as received, with the reason, and every other update of its batch is stored;
 * a batch comes again (not confirmed in time) without a second copy of anything.
 */
@ExtendWith(PostgresExtension.class)
class InboxStoreTest {

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-11-29T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private InboxStore store;

    InboxStoreTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void setUp() {
        database.jdbi().useHandle(handle -> handle.execute("truncate inbox, update_quarantine"));
        store = new InboxStore(database.jdbi(), new ObjectMapper(), clock, registry, wakeUps::incrementAndGet);
    }

    static String text(long updateId, long userId, String jsonText) {
        return """
                {"update_id": %d, "message": {"message_id": %d, "date": 1764410000,
                 "chat": {"id": %d, "type": "private", "first_name": "U"},
                 "from": {"id": %d, "is_bot": false, "first_name": "U"}, "text": "%s"}}"""
                .formatted(updateId, updateId, userId, userId, jsonText);
    }

    private static RawUpdate raw(String json) {
        return RawUpdate.of(json);
    }

    private List<Map<String, Object>> quarantine() {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                select update_id, user_id, source, category, reason, convert_from(raw, 'UTF8') as raw, raw_size
                from update_quarantine order by id""").mapToMap().list());
    }

    private String storedText(long updateId) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select payload->'message'->>'text' from inbox where update_id = :id").bind("id", updateId)
                .mapTo(String.class).one());
    }

    private double quarantined(String category) {
        var counter = registry.find(InboxStore.QUARANTINED).tag("category", category).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aBatchWithPoisonStoresEveryOtherUpdateAndQuarantinesThePoisonOnceAsReceived() {
        String megabyte = "x".repeat(1024 * 1024);
        String noChat = """
                {"update_id": 4, "message": {"message_id": 4, "date": 1764410000,
                 "from": {"id": 40, "is_bot": false, "first_name": "U"}, "text": "where am I"}}""";
        String callbackWithoutFrom = """
                {"update_id": 5, "callback_query": {"id": "cb5", "chat_instance": "ci", "data": "x"}}""";
        String memberWithoutFrom = """
                {"update_id": 6, "my_chat_member": {"chat": {"id": 60, "type": "private"}, "date": 1,
                 "old_chat_member": {"status": "member", "user": {"id": 60, "is_bot": false, "first_name": "U"}},
                 "new_chat_member": {"status": "kicked", "until_date": 0,
                   "user": {"id": 60, "is_bot": false, "first_name": "U"}}}}""";
        String deep = "{\"update_id\": 7, \"message\": {\"message_id\": 7, \"date\": 1, "
                + "\"chat\": {\"id\": 70, \"type\": \"private\"}, \"unknown\": "
                + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000) + "}}";
        String noUpdateId = text(0, 80, "hi").replace("\"update_id\": 0, ", "");
        List<RawUpdate> batch = List.of(raw(text(1, 10, "first")), raw(text(2, 20, "a\\u0000b \\u00e9 \uD83D\uDE00")),
                raw("null"), raw(noChat), raw(callbackWithoutFrom), raw(memberWithoutFrom), raw(deep),
                raw(noUpdateId), raw(text(9, 90, megabyte)), raw(text(10, 10, "last")));

        InboxStore.Stored stored = store.store(batch, InboxStore.Source.POLLING);

        assertThat(stored).isEqualTo(new InboxStore.Stored(4, 0, 6));
        assertThat(storedText(1)).isEqualTo("first");
        assertThat(storedText(2)).as("NUL removed, the rest as sent").isEqualTo("ab é \uD83D\uDE00");
        assertThat(storedText(9)).hasSize(1024 * 1024);
        assertThat(storedText(10)).isEqualTo("last");
        assertThat(quarantine()).extracting(row -> row.get("update_id"), row -> row.get("category"))
                .containsExactly(
                        tuple(null, "unreadable"),
                        tuple(4L, "incomplete"),
                        tuple(5L, "incomplete"),
                        tuple(6L, "incomplete"),
                        tuple(7L, "unreadable"),
                        tuple(null, "no_update_id"));
        assertThat(quarantine()).extracting(row -> row.get("reason")).containsExactly(
                "not a Telegram update: null", "message without chat", "callback_query without from",
                "my_chat_member without from",
                quarantine().get(4).get("reason"), "the update has no update_id");
        assertThat((String) quarantine().get(4).get("reason")).contains("nesting depth");
        assertThat(quarantine()).extracting(row -> row.get("raw")).containsExactly("null", noChat,
                callbackWithoutFrom, memberWithoutFrom, deep, noUpdateId);
        assertThat(quarantine()).extracting(row -> row.get("user_id")).containsExactly(null, 40L, null, null, null, 80L);
        assertThat(quarantine()).allSatisfy(row -> assertThat(row.get("source")).isEqualTo("polling"));
        assertThat(quarantined("incomplete")).isEqualTo(3);
        assertThat(quarantined("unreadable")).isEqualTo(2);
        assertThat(quarantined("no_update_id")).isEqualTo(1);
        assertThat(wakeUps).hasValue(1);

        InboxStore.Stored again = store.store(batch, InboxStore.Source.POLLING);

        assertThat(again).as("the batch fetched again").isEqualTo(new InboxStore.Stored(0, 10, 0));
        assertThat(quarantine()).hasSize(6);
    }

    @Test
    void aBatchIsStoredInOneStatementAndItsRedeliveredUpdatesAreToldFromNewOnes() {
        List<String> statements = new CopyOnWriteArrayList<>();
        Jdbi counted = RecordingJdbi.on(database.database().dataSource(), statements);
        InboxStore countedStore = new InboxStore(counted, new ObjectMapper(), clock, registry, wakeUps::incrementAndGet);
        countedStore.store(List.of(raw(text(1, 10, "a")), raw(text(2, 20, "b"))), InboxStore.Source.POLLING);
        statements.clear();

        InboxStore.Stored stored = countedStore.store(List.of(raw(text(2, 20, "b")), raw(text(3, 30, "c")),
                raw(text(4, 10, "d")), raw(text(5, 50, "e"))), InboxStore.Source.POLLING);

        assertThat(stored).isEqualTo(new InboxStore.Stored(3, 1, 0));
        assertThat(statements).as("one insert for the whole batch").hasSize(1);
        assertThat(storedText(2)).isEqualTo("b");
        assertThat(storedText(5)).isEqualTo("e");
        Long userOf4 = database.jdbi().withHandle(handle -> handle.createQuery(
                "select user_id from inbox where update_id = 4").mapTo(Long.class).one());
        assertThat(userOf4).isEqualTo(10L);
    }

    @Test
    void aValuePostgresRefusesQuarantinesThatUpdateAloneAndTheRestOfTheBatchIsStored() {
        database.jdbi().useHandle(handle -> handle.execute("""
                create function refuse_marked() returns trigger language plpgsql as $$
                begin
                  if new.payload->'message'->>'text' = 'refuse me' then
                    raise exception 'a value this server will not take' using errcode = '22023';
                  end if;
                  return new;
                end $$;
                create trigger refuse_marked before insert on inbox for each row execute function refuse_marked();
                """));
        try {
            InboxStore.Stored stored = store.store(List.of(raw(text(1, 10, "a")), raw(text(2, 20, "refuse me")),
                    raw(text(3, 30, "c"))), InboxStore.Source.POLLING);

            assertThat(stored).isEqualTo(new InboxStore.Stored(2, 0, 1));
            assertThat(quarantine()).singleElement().satisfies(row -> {
                assertThat(row.get("update_id")).isEqualTo(2L);
                assertThat(row.get("user_id")).isEqualTo(20L);
                assertThat(row.get("category")).isEqualTo("refused_by_database");
                assertThat((String) row.get("reason")).isEqualTo(
                        "PostgreSQL refused it (SQLSTATE 22023): a value this server will not take");
            });
            assertThat(storedText(3)).isEqualTo("c");
        } finally {
            database.jdbi().useHandle(handle -> handle.execute(
                    "drop trigger refuse_marked on inbox; drop function refuse_marked()"));
        }
    }

    @Test
    void aDatabaseThatFailsStoresNothingAndThrowsSoTheBatchStaysUnconfirmed() {
        Database gone = Database.connect(database.url(), PoolSettings.of(1, "luvhive-test-gone"),
                new SimpleMeterRegistry());
        gone.close();
        InboxStore failing = new InboxStore(gone.jdbi(), new ObjectMapper(), clock, registry, wakeUps::incrementAndGet);

        assertThatThrownBy(() -> failing.store(List.of(raw(text(1, 10, "a")), raw("null")),
                InboxStore.Source.POLLING)).isInstanceOf(RuntimeException.class);

        assertThat(quarantine()).as("a database failure is not poison").isEmpty();
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void aWebhookBodyIsStoredOnceOrQuarantinedWhateverItsBytes() {
        byte[] good = text(1, 10, "hi").getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = {'{', (byte) 0xC3, (byte) 0x28, 0, '}'};

        assertThat(store.storeWebhookBody(good)).isEqualTo(InboxStore.Outcome.STORED);
        assertThat(store.storeWebhookBody(good)).isEqualTo(InboxStore.Outcome.DUPLICATE);
        assertThat(store.storeWebhookBody(notUtf8)).isEqualTo(InboxStore.Outcome.QUARANTINED);
        assertThat(store.storeWebhookBody(notUtf8)).as("the same bytes again").isEqualTo(InboxStore.Outcome.DUPLICATE);

        QuarantinedUpdate held = new Quarantine(database.jdbi()).newest(10).get(0);
        assertThat(held.source()).isEqualTo("webhook");
        assertThat(held.raw()).isEqualTo(notUtf8);
        assertThat(held.escaped(100)).isEqualTo("{\\xC3(\\u0000}");
        assertThat(held.escaped(3)).as("cut once 3 characters are written, escapes whole").isEqualTo("{\\xC3…");
    }
}
