package org.luvhive.cli.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.caches.CacheRegistry;
import org.luvhive.core.caches.CacheSettings;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.OpsSettingsListener;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/** {@code luvhive cache clear} reaches a running bot's caches within a second. */
@ExtendWith(PostgresExtension.class)
class CacheClearCommandTest {

    @TempDir
    Path home;

    private final TestDatabase database;

    CacheClearCommandTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aRunningBotDropsItsCachesWithinASecond() {
        OpsSettings settings = new OpsSettings(database.jdbi(), Clock.systemUTC());
        CacheRegistry caches = new CacheRegistry(new SimpleMeterRegistry(), CacheSettings.defaults());
        Cache<Long, String> profiles = caches.create("profiles", Duration.ofMinutes(1));
        profiles.put(1L, "someone");
        try (OpsSettingsListener listener = new OpsSettingsListener(database.database()::openDedicatedConnection,
                settings, Duration.ofHours(1), Clock.systemUTC())) { // no fallback re-read: the notification does it
            listener.start();
            caches.follow(listener);
            Map<String, String> environment = new HashMap<>(database.environment());
            environment.put("USER", "oncall");

            CliRun run = CliRun.run(environment, home, "cache", "clear");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("Cache clear requested at ")
                    .contains("running bots drop their caches within a second");
            await().atMost(Duration.ofSeconds(30)).until(() -> profiles.estimatedSize() == 0);
            assertThat(settings.find(CacheRegistry.CLEARED_AT).orElseThrow().updatedBy()).isEqualTo("oncall@cli");
        }
    }
}
