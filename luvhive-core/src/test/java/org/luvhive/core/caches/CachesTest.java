package org.luvhive.core.caches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.limits.ClockTimeMeter;
import org.luvhive.core.limits.Limit;
import org.luvhive.core.limits.LocalRateLimiter;
import org.luvhive.core.ops.Observability;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** Bounded caches in metrics; 'cache clear' reaches a running bot within a second, and only its caches. */
@ExtendWith(PostgresExtension.class)
class CachesTest {

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-01T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OpsSettings settings;
    private final OpsSettingsListener listener;

    CachesTest(TestDatabase database) {
        this.database = database;
        this.settings = new OpsSettings(database.jdbi(), clock);
        this.listener = new OpsSettingsListener(database.database()::openDedicatedConnection, settings,
                OpsSettingsListener.FALLBACK_REFRESH, clock);
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void cachesAreBoundedByTheSettingAndShowTheirSizeInMetrics() {
        CacheRegistry caches = new CacheRegistry(registry, new CacheSettings(3));
        Cache<Long, String> cache = caches.create("profiles", Duration.ofSeconds(5));
        for (long key = 0; key < 10; key++) {
            cache.put(key, "v" + key);
        }
        cache.cleanUp();

        assertThat(cache.estimatedSize()).isEqualTo(3);
        assertThat(registry.get("cache.size").tag("cache", "profiles").gauge().value()).isEqualTo(3);
        assertThat(registry.get("cache.evictions").tag("cache", "profiles").functionCounter().count()).isEqualTo(7);
        assertThatThrownBy(() -> caches.create("profiles", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cacheClearEmptiesARunningBotsCachesWithinASecondButNotItsRateLimitState() {
        CacheRegistry caches = new CacheRegistry(registry, CacheSettings.defaults());
        LocalRateLimiter chatLimiter = new LocalRateLimiter(new ClockTimeMeter(clock), 100, Duration.ofMinutes(10));
        chatLimiter.tryAcquire("chat:1", new Limit(1, 1, Duration.ofSeconds(1)));
        caches.watch("chat_rate_buckets", chatLimiter::size);
        Cache<Long, Boolean> bans = caches.create("bans", Duration.ofSeconds(5));
        bans.put(1L, false);
        bans.put(2L, true);
        listener.start();
        caches.follow(listener);
        assertThat(bans.estimatedSize()).as("subscribing clears nothing").isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        new CacheClear(settings, clock).request("oncall@cli");

        await().atMost(Duration.ofSeconds(1)).until(() -> bans.estimatedSize() == 0);
        assertThat(chatLimiter.size()).isEqualTo(1);
        assertThat(registry.get(CacheRegistry.STATE_SIZE).tag("state", "chat_rate_buckets").gauge().value())
                .isEqualTo(1);
        assertThat(registry.get(CacheRegistry.CLEARS).counter().count()).isEqualTo(1);
    }

    @Test
    void observabilitySchedulesTheEvaluatorAndBindsTheJvmMeters() {
        Observability observability = new Observability(registry, database.jdbi(), Clock.systemUTC(), "bot-b",
                Observability.Settings.defaults());
        observability.bindJvmMetrics();
        observability.bindJvmMetrics();

        assertThat(observability.maintenance()).extracting(job -> job.name() + "/" + job.every())
                .containsExactly("alerts/PT5S");
        assertThat(registry.find("jvm.memory.used").tag("area", "heap").gauges()).isNotEmpty();
        assertThat(registry.find("process.cpu.usage").gauge()).isNotNull();
        observability.close();
    }
}
