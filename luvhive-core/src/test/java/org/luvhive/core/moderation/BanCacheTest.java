package org.luvhive.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.LuvhiveFeatures;
import org.luvhive.core.caches.CacheRegistry;
import org.luvhive.core.caches.CacheSettings;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.moderation.internal.ModerationDao;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;
import org.luvhive.core.user.Users;

/**
 * The ban lookup every update makes goes through a cache; a ban or unban applies at once
 * on the instance that made it, within a second on the others (announced by a trigger), and
 * within the cache's expiry on an instance without a settings listener.
 */
@ExtendWith(PostgresExtension.class)
class BanCacheTest {

    private static final long USER = 4242;
    private static final long ADMIN = 1;

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-01T12:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CacheRegistry caches = new CacheRegistry(registry, CacheSettings.defaults(), nanos::get);
    private final Cache<Long, Optional<Ban>> lookups = caches.create("bans", LuvhiveFeatures.BAN_CACHE_EXPIRY);
    private final Moderation moderation;

    BanCacheTest(TestDatabase database) {
        this.database = database;
        this.moderation = new Moderation(new Outbox(new ObjectMapper(), clock, () -> { }), new Users(), lookups);
    }

    @BeforeEach
    void clean() {
        database.jdbi().useHandle(handle -> handle.execute("delete from bans"));
    }

    private boolean banned() {
        return database.jdbi().withHandle(handle -> moderation.isBanned(handle, USER, clock.instant()));
    }

    private void elapse(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void repeatedChecksHitTheCache() {
        for (int update = 0; update < 10; update++) {
            assertThat(banned()).isFalse();
        }

        assertThat(registry.get("cache.gets").tag("cache", "bans").tag("result", "hit").functionCounter().count())
                .isEqualTo(9);
    }

    @Test
    void aBanOrUnbanHereAppliesAtOnce() {
        assertThat(banned()).isFalse();

        database.jdbi().useTransaction(handle -> moderation.ban(handle, USER, null, "spam", ADMIN, clock.instant()));
        assertThat(banned()).isTrue();

        database.jdbi().useTransaction(handle -> moderation.unban(handle, USER));
        assertThat(banned()).isFalse();
    }

    @Test
    void aBanMadeOnAnotherInstanceAppliesAsSoonAsItIsAnnounced() {
        try (OpsSettingsListener listener = new OpsSettingsListener(database.database()::openDedicatedConnection,
                new OpsSettings(database.jdbi(), clock), OpsSettingsListener.FALLBACK_REFRESH, clock)) {
            moderation.follow(listener);
            listener.start();
            await().atMost(Duration.ofSeconds(30)).until(this::listening);
            assertThat(banned()).isFalse();

            // the manual clock and ticker stand still: neither expiry nor the periodic re-read drops the lookup
            database.jdbi().useHandle(handle -> handle.attach(ModerationDao.class)
                    .ban(USER, null, "spam", ADMIN, clock.instant()));
            await().atMost(Duration.ofSeconds(30)).until(this::banned);

            database.jdbi().useHandle(handle -> handle.attach(ModerationDao.class).unban(USER));
            await().atMost(Duration.ofSeconds(30)).until(() -> !banned());
        }
    }

    @Test
    void withoutAListenerABanMadeElsewhereAppliesWhenTheLookupExpires() {
        assertThat(banned()).isFalse();
        database.jdbi().useHandle(handle -> handle.attach(ModerationDao.class)
                .ban(USER, null, "spam", ADMIN, clock.instant()));

        elapse(LuvhiveFeatures.BAN_CACHE_EXPIRY.minusSeconds(1));
        assertThat(banned()).as("still the cached lookup").isFalse();
        elapse(Duration.ofSeconds(1));
        assertThat(banned()).isTrue();
    }

    private boolean listening() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from pg_stat_activity where query = 'LISTEN ' || :channel")
                .bind("channel", OpsSettingsListener.CHANNEL).mapTo(Integer.class).one()) > 0;
    }

    @Test
    void aTemporaryBanEndsOnTimeEvenWhenCached() {
        Instant until = clock.instant().plusSeconds(60);
        database.jdbi().useTransaction(handle -> moderation.ban(handle, USER, until, "cool down", ADMIN, clock.instant()));
        assertThat(banned()).isTrue();

        clock.advance(Duration.ofSeconds(61));

        assertThat(banned()).isFalse();
    }

    @Test
    void cacheClearDropsTheLookups() {
        banned();
        assertThat(caches.size("bans")).isEqualTo(1);

        caches.clearAll();

        assertThat(caches.size("bans")).isZero();
    }
}
