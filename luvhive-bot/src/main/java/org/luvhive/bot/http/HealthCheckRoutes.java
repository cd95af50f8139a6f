package org.luvhive.bot.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.luvhive.core.LuvhiveVersion;

/** The operational routes every runner serves: /healthz, /readyz, /metrics. */
public final class HealthCheckRoutes {

    private HealthCheckRoutes() {
    }

    public static BotHttpServer.Builder on(BotHttpServer.Builder server, Clock clock, PrometheusMeterRegistry registry,
                                           List<ReadinessCheck> checks) {
        return server
                .route("/healthz", new HealthHandler(clock, LuvhiveVersion.current()))
                .route("/readyz", new ReadinessHandler(checks))
                .route("/metrics", new MetricsHandler(registry));
    }
}
