package org.luvhive.bot.testing;

import java.time.Clock;
import java.time.Duration;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.pipeline.PipelineSettings;

/**
 * The echo bot in a JVM of its own, configured from its environment, so a test can kill
 * it with SIGKILL at a chosen stage. The argument picks what the instance does:
 * {@code store} (poll and store only), {@code handle} (handle stored updates, send
 * nothing), {@code all}. Prints READY once running.
 */
public final class EchoBotProcess {

    private EchoBotProcess() {
    }

    public static void main(String[] args) throws Exception {
        PipelineSettings pipeline = PipelineSettings.defaults();
        pipeline = switch (args[0]) {
            case "store" -> pipeline.withInboxThreads(0).withSender(pipeline.sender().withMaxInFlight(0));
            case "handle" -> pipeline.withSender(pipeline.sender().withMaxInFlight(0));
            case "all" -> pipeline;
            default -> throw new IllegalArgumentException("stage must be store, handle or all");
        };
        RunnerSettings settings = RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1)).withPipeline(pipeline);
        BotApplication.start(ConfigLoader.forCurrentUser().loadFromSystem(), Clock.systemUTC(), settings,
                (jdbi, outbox, caches, registry, violations) -> new EchoFeatures());
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
