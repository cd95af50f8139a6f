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
public record RunnerSettings(Duration pollTimeout, Duration shutdownGrace, Duration electionTick,
                             PipelineSettings pipeline, DatabaseOps.Settings databaseOps, Optional<String> instance) {

    public static RunnerSettings defaults() {
        return new RunnerSettings(Duration.ofSeconds(50), Duration.ofSeconds(20), Duration.ofSeconds(1),
                PipelineSettings.defaults(), DatabaseOps.Settings.defaults(), Optional.empty());
    }

    public RunnerSettings withPollTimeout(Duration timeout) {
        return new RunnerSettings(timeout, shutdownGrace, electionTick, pipeline, databaseOps, instance);
    }

    public RunnerSettings withShutdownGrace(Duration grace) {
        return new RunnerSettings(pollTimeout, grace, electionTick, pipeline, databaseOps, instance);
    }

    public RunnerSettings withPipeline(PipelineSettings settings) {
        return new RunnerSettings(pollTimeout, shutdownGrace, electionTick, settings, databaseOps, instance);
    }

    /** The sender's calls in flight at once ({@code SEND_CONCURRENCY}). */
    public RunnerSettings withSendConcurrency(int calls) {
        return withPipeline(pipeline.withSender(pipeline.sender().withMaxInFlight(calls)));
    }

    /** Threads handling stored updates ({@code HANDLER_THREADS}). */
    public RunnerSettings withHandlerThreads(int threads) {
        return withPipeline(pipeline.withInboxThreads(threads));
    }

    public RunnerSettings withDatabaseOps(DatabaseOps.Settings settings) {
        return new RunnerSettings(pollTimeout, shutdownGrace, electionTick, pipeline, settings, instance);
    }

    public RunnerSettings withInstance(String name) {
        return new RunnerSettings(pollTimeout, shutdownGrace, electionTick, pipeline, databaseOps, Optional.of(name));
    }
}
