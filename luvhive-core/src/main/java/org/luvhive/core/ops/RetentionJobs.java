package org.luvhive.core.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.RetentionStep;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.chat.ChatMaintenance;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;
import org.luvhive.core.dbops.DatabaseCleanup;
import org.luvhive.core.limits.ClockTimeMeter;
import org.luvhive.core.limits.PostgresRateLimiter;
import org.luvhive.core.ops.alerts.AlertStore;
import org.luvhive.core.pipeline.PipelineRetention;

/**
 * Every retention job of the bot as one list, for {@code luvhive db cleanup}: handled and
 * dead updates, idle rate-limit buckets, user ids in old updates, sent messages, relay maps
 * of ended chats, alert states and reports of instances gone for a day, old size samples.
 * The steps are the jobs' own, with the periods the bot uses. It sits here, at the top of
 * core, because the jobs belong to features of every layer. Stateless.
 */
public final class RetentionJobs {

    private RetentionJobs() {
    }

    /** The bot's retention jobs on {@code database}, with the periods {@code config} gives the bot. */
    public static DatabaseCleanup cleanup(Database database, LuvhiveConfig config, Clock clock, MeterRegistry registry) {
        Jdbi jdbi = database.jdbi();
        // Only the expiry query of the limiter is used; its bucket settings do not matter here.
        PostgresRateLimiter buckets = new PostgresRateLimiter(database.dataSource(), new ClockTimeMeter(clock),
                Duration.ofHours(1));
        FeatureSettings features = FeatureSettings.from(config); // the retention periods are not configurable
        List<RetentionStep> steps = new ArrayList<>(new PipelineRetention(jdbi, buckets, clock, registry,
                PipelineRetention.Periods.defaults()).steps());
        steps.add(new ChatMaintenance(jdbi, clock, features.relayMapRetention(), features.chatRetention()).relayMapStep());
        steps.add(new AlertStore(jdbi).idleStep());
        steps.addAll(DatabaseCleanup.reportSteps(jdbi));
        return new DatabaseCleanup(steps);
    }
}
