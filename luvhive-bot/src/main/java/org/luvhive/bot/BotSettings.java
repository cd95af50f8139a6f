package org.luvhive.bot;

import java.time.Duration;
import java.util.Optional;
import org.luvhive.core.dbops.DatabaseOps;
import org.luvhive.core.pipeline.PipelineSettings;

/**
 * How the runner runs, beyond the configuration keys; the defaults suit production,
 * tests shorten the waits.
 *
 * @param pollTimeout   long-poll timeout of getUpdates
 * @param shutdownGrace how long SIGTERM waits for handlers and calls in flight
 * @param electionTick  how often a standby instance tries to become the poller
 * @param pipeline      the delivery pipeline's settings
 * @param databaseOps   how often the instance reports its pool and statement timings
 * @param instance      the instance's name, {@code host:pid} when empty (tests running two in one JVM set it)
 */
public record BotSettings(Duration pollTimeout, Duration shutdownGrace, Duration electionTick,
                          PipelineSettings pipeline, DatabaseOps.Settings databaseOps, Optional<String> instance) {

    public static BotSettings defaults() {
        return new BotSettings(Duration.ofSeconds(50), Duration.ofSeconds(20), Duration.ofSeconds(1),
                PipelineSettings.defaults(), DatabaseOps.Settings.defaults(), Optional.empty());
    }

    public BotSettings withPollTimeout(Duration timeout) {
        return new BotSettings(timeout, shutdownGrace, electionTick, pipeline, databaseOps, instance);
    }

    public BotSettings withShutdownGrace(Duration grace) {
        return new BotSettings(pollTimeout, grace, electionTick, pipeline, databaseOps, instance);
    }

    public BotSettings withPipeline(PipelineSettings settings) {
        return new BotSettings(pollTimeout, shutdownGrace, electionTick, settings, databaseOps, instance);
    }

    public BotSettings withDatabaseOps(DatabaseOps.Settings settings) {
        return new BotSettings(pollTimeout, shutdownGrace, electionTick, pipeline, settings, instance);
    }

    public BotSettings withInstance(String name) {
        return new BotSettings(pollTimeout, shutdownGrace, electionTick, pipeline, databaseOps, Optional.of(name));
    }
}
