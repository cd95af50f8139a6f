package org.luvhive.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * A running bot applies a setting change at once through NOTIFY, and re-reads every 30 s
 * of its clock in case a notification was missed (README: "re-reads every 30 s").
 */
@ExtendWith(PostgresExtension.class)
class OpsSettingsListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-01T12:00:00Z");
    private final AtomicReference<String> value = new AtomicReference<>();
    private final Set<String> marks = ConcurrentHashMap.newKeySet();

    OpsSettingsListenerTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aChangeWrittenWithoutNotifyIsAppliedByTheReReadAfter30Seconds() {
        OpsSettings settings = new OpsSettings(database.jdbi(), clock);
        settings.put("test.value", "before", "test");
        try (OpsSettingsListener listener = new OpsSettingsListener(database.database()::openDedicatedConnection,
                settings, OpsSettingsListener.FALLBACK_REFRESH, clock)) {
            followedWhileTheClockMoves(settings, listener);
        }
    }

    private void followedWhileTheClockMoves(OpsSettings settings, OpsSettingsListener listener) {
        listener.subscribe("test.value", setting -> value.set(setting.map(OpsSetting::value).orElse(null)));
        listener.subscribe("test.mark", setting -> setting.map(OpsSetting::value).ifPresent(marks::add));
        listener.start();
        // the second mark can only arrive by notification: the listener is in its loop, its
        // re-read due 30 s from the clock's start
        notifiedMark(settings, "listening-1");
        notifiedMark(settings, "listening-2");

        writeWithoutNotify("test.value", "after");
        clock.advance(Duration.ofSeconds(29));
        notifiedMark(settings, "at-29s-1");
        notifiedMark(settings, "at-29s-2"); // a whole turn of the loop looked at the clock at 29 s

        assertThat(value.get()).as("not re-read before 30 s").isEqualTo("before");

        clock.advance(Duration.ofSeconds(1));
        await().atMost(WAIT).until(() -> "after".equals(value.get()));
    }

    private void notifiedMark(OpsSettings settings, String mark) {
        settings.put("test.mark", mark, "test");
        await().atMost(WAIT).until(() -> marks.contains(mark));
    }

    /** As if the notification were lost: the trigger that sends it is off for this write. */
    private void writeWithoutNotify(String key, String newValue) {
        database.jdbi().useTransaction(handle -> {
            handle.execute("alter table ops_settings disable trigger ops_settings_notify");
            handle.createUpdate("update ops_settings set value = :value where key = :key")
                    .bind("value", newValue).bind("key", key).execute();
            handle.execute("alter table ops_settings enable trigger ops_settings_notify");
        });
    }
}
