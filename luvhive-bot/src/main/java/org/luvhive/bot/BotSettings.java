package org.luvhive.bot;

import java.time.Duration;
import org.luvhive.core.pipeline.PipelineSettings;

/**
 * How the runner runs, beyond the configuration keys; the defaults suit production,
 * tests shorten the waits.
 *
 * @param pollTimeout   long-poll timeout of getUpdates
 * @param shutdownGrace how long SIGTERM waits for handlers and calls in flight
 * @param electionTick  how often a standby instance tries to become the poller
 * @param pipeline      the delivery pipeline's settings
 */
public record BotSettings(Duration pollTimeout, Duration shutdownGrace, Duration electionTick,
                          PipelineSettings pipeline) {

    public static BotSettings defaults() {
        return new BotSettings(Duration.ofSeconds(50), Duration.ofSeconds(20), Duration.ofSeconds(1),
                PipelineSettings.defaults());
    }

    public BotSettings withPollTimeout(Duration timeout) {
        return new BotSettings(timeout, shutdownGrace, electionTick, pipeline);
    }

    public BotSettings withShutdownGrace(Duration grace) {
        return new BotSettings(pollTimeout, grace, electionTick, pipeline);
    }

    public BotSettings withPipeline(PipelineSettings settings) {
        return new BotSettings(pollTimeout, shutdownGrace, electionTick, settings);
    }
}
