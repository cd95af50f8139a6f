package org.luvhive.sandbox.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.luvhive.bot.BotApplication;
import org.luvhive.core.bot.LuvhiveFeatures;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.delivery.OutboxSender;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.limits.LimitsProfile;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.moderation.ModerationSettings;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.ops.alerts.Alert;
import org.luvhive.core.ops.alerts.AlertStatus;
import org.luvhive.core.ops.alerts.StatusReport;
import org.luvhive.core.settings.OpsSetting;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.RunModeSettings;
import org.luvhive.testkit.telegram.EmulatedBot;

/**
 * The operator panel's figures, read the way the runbook's tools read them: the bot's own
 * {@code /readyz} over HTTP, the alerts and queues as {@code luvhive status} reads them, the
 * limits as {@code luvhive limits} does, the moderation level as {@code luvhive moderation
 * status} does (stored, and the one the bot applies), every runtime setting, FloodWaits from the bot's meter and its violations log, and what the
 * emulator answered. Thread-safe.
 */
final class PanelState {
    private static final int RECENT_FLOODWAITS = 6;

    private final BotApplication application;
    private final EmulatedBot bot;
    private final LuvhiveConfig config;
    private final ObjectMapper mapper;
    private final Path violations;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PanelState(BotApplication application, EmulatedBot bot, LuvhiveConfig config, ObjectMapper mapper) {
        this.application = application;
        this.bot = bot;
        this.config = config;
        this.mapper = mapper;
        this.violations = new ViolationsLog(config.logDir(), mapper).file();
    }

    JsonNode read() {
        ObjectNode state = mapper.createObjectNode();
        state.set("readiness", readiness());
        OpsSettings settings = new OpsSettings(application.database().jdbi(), Clock.systemUTC());
        state.set("mode", mapper.createObjectNode().put("running", application.intake().mode().label())
                .put("stored", new RunModeSettings(settings).mode(config).label()));
        state.set("limits", limits(settings));
        state.set("moderation", moderation(settings));
        StatusReport report = StatusReport.read(application.database().jdbi(), Clock.systemUTC());
        state.set("queues", queues(report.queues()));
        state.set("alerts", alerts(report));
        state.set("floodwaits", floodWaits());
        state.set("settings", settings(settings.all()));
        state.set("emulator", emulator());
        return state;
    }

    /** The bot's {@code /readyz} exactly as a load balancer would get it. */
    private ObjectNode readiness() {
        ObjectNode readiness = mapper.createObjectNode();
        URI url = URI.create("http://127.0.0.1:" + application.managementPort() + "/readyz");
        readiness.put("url", url.toString());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            readiness.put("status", response.statusCode());
            readiness.set("body", parsed(response.body()));
        } catch (IOException unreachable) {
            readiness.put("status", 0).put("error", String.valueOf(unreachable.getMessage()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            readiness.put("status", 0).put("error", "interrupted");
        }
        return readiness;
    }

    private JsonNode parsed(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException notJson) {
            return mapper.getNodeFactory().textNode(body);
        }
    }

    private ObjectNode limits(OpsSettings settings) {
        LimitsSettings limits = new LimitsSettings(settings, mapper);
        ObjectNode json = mapper.createObjectNode();
        json.put("profile", limits.current().profile()).put("describe", limits.current().describe())
                .put("applied", application.limits().current().describe());
        limits.stored().ifPresent(stored -> json.put("updated_by", stored.setting().updatedBy())
                .put("updated_at", stored.setting().updatedAt().toString()));
        ArrayNode profiles = json.putArray("profiles");
        for (LimitsProfile profile : LimitsProfile.values()) {
            profiles.add(profile.label());
        }
        return json;
    }

    private ObjectNode moderation(OpsSettings settings) {
        ModerationSettings moderation = new ModerationSettings(settings);
        ObjectNode json = mapper.createObjectNode().put("level", moderation.level().code());
        if (application.features() instanceof LuvhiveFeatures features) {
            json.put("applied", features.moderation().live().level().code());
        }
        moderation.stored().ifPresent(stored -> json.put("updated_by", stored.updatedBy())
                .put("updated_at", stored.updatedAt().toString()));
        ArrayNode levels = json.putArray("levels");
        for (Strictness level : Strictness.values()) {
            levels.add(level.code());
        }
        return json;
    }

    private ObjectNode queues(StatusReport.Queues queues) {
        return mapper.createObjectNode().put("outbox_depth", queues.outboxDepth())
                .put("outbox_oldest_ms", queues.outboxOldest().toMillis()).put("outbox_parked", queues.outboxParked())
                .put("inbox_waiting", queues.inboxWaiting());
    }

    private ArrayNode alerts(StatusReport report) {
        ArrayNode alerts = mapper.createArrayNode();
        for (StatusReport.InstanceAlerts instance : report.instances()) {
            if (instance.stale()) {
                continue;
            }
            for (AlertStatus status : instance.alerts()) {
                ObjectNode alert = alerts.addObject().put("alert", status.alert()).put("state", status.state().name())
                        .put("since", status.since().toString());
                Alert.byLabel(status.alert()).ifPresentOrElse(known -> alert.put("title", known.title())
                                .put("threshold", known.unit().format(status.threshold()))
                                .put("value", status.value().isPresent()
                                        ? known.unit().format(status.value().getAsDouble()) : "no data"),
                        () -> alert.put("title", status.alert()));
            }
        }
        return alerts;
    }

    private ObjectNode floodWaits() {
        double total = application.registry().find(OutboxSender.FLOOD_WAITS).counters().stream()
                .mapToDouble(Counter::count).sum();
        ObjectNode json = mapper.createObjectNode().put("total", (long) total);
        ArrayNode recent = json.putArray("recent");
        recentFloodWaits().forEach(recent::add);
        return json;
    }

    /** The newest FloodWait lines of the violations log, newest first. */
    private List<JsonNode> recentFloodWaits() {
        if (!Files.isRegularFile(violations)) {
            return List.of();
        }
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(violations));
            Collections.reverse(lines);
            return lines.stream().filter(line -> line.contains("\"floodwait\"")).limit(RECENT_FLOODWAITS)
                    .map(this::parsed).toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private ArrayNode settings(List<OpsSetting> all) {
        ArrayNode settings = mapper.createArrayNode();
        for (OpsSetting setting : all) {
            settings.addObject().put("key", setting.key()).put("value", setting.value())
                    .put("updated_by", setting.updatedBy()).put("updated_at", setting.updatedAt().toString());
        }
        return settings;
    }

    private ObjectNode emulator() {
        ObjectNode json = mapper.createObjectNode().put("fault_rules", bot.faults().activeRules())
                .put("pending_updates", bot.pendingUpdateCount());
        Map<Integer, Long> errors = bot.stats().errorsByCode();
        json.put("http_429", errors.getOrDefault(429, 0L));
        json.put("http_5xx", errors.entrySet().stream().filter(entry -> entry.getKey() >= 500)
                .mapToLong(Map.Entry::getValue).sum());
        return json;
    }
}
