package org.luvhive.cli.status;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.core.ops.alerts.Alert;
import org.luvhive.core.ops.alerts.AlertRule;
import org.luvhive.core.ops.alerts.AlertRules;
import org.luvhive.core.ops.alerts.AlertState;
import org.luvhive.core.ops.alerts.AlertStatus;
import org.luvhive.core.ops.alerts.StatusReport;

/** How {@code luvhive status} shows a {@link StatusReport}: aligned text, or JSON with stable names. */
final class StatusView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StatusView() {
    }

    static void print(StatusReport report, ExitCode outcome, PrintWriter out) {
        out.println("Alerts (as each bot instance evaluates them)");
        if (report.instances().isEmpty()) {
            out.println("  no bot instance has reported (none running since this database has the alert table)");
        }
        for (StatusReport.InstanceAlerts instance : report.instances()) {
            if (instance.stale()) {
                out.printf("  %s  STALE: last report %s (%s ago); stopped without saying so, or cannot reach the "
                        + "database%n", instance.instance(), TIME.format(instance.reportedAt()),
                        ago(instance.reportedAt(), report.at()));
                continue;
            }
            out.printf("  %s  (reported %s ago)%n", instance.instance(), ago(instance.reportedAt(), report.at()));
            for (AlertStatus alert : instance.alerts()) {
                out.printf("    %-12s %-10s %-20s %-6s since %s (%s)%n", alert.alert(), value(alert), rule(alert),
                        alert.state().name(), TIME.format(alert.since()), ago(alert.since(), report.at()));
            }
        }
        StatusReport.Queues queues = report.queues();
        out.println("Queues (from the database)");
        out.printf("  outbox  %d waiting, oldest %s, %d parked%n", queues.outboxDepth(),
                compact(queues.outboxOldest()), queues.outboxParked());
        out.printf("  inbox   %d waiting%n", queues.inboxWaiting());
        out.println(switch (outcome) {
            case ALERTS_FIRING -> "FIRING: " + String.join(", ", firing(report));
            case NO_BOT_REPORTING -> "NO BOT: no instance reported in the last minute";
            default -> "OK";
        });
    }

    static Map<String, Object> json(StatusReport report, ExitCode outcome) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("at", report.at().toString());
        document.put("status", switch (outcome) {
            case ALERTS_FIRING -> "firing";
            case NO_BOT_REPORTING -> "no_bot";
            default -> "ok";
        });
        document.put("exit_code", outcome.code());
        document.put("instances", report.instances().stream().map(instance -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("instance", instance.instance());
            row.put("reported_at", instance.reportedAt().toString());
            row.put("stale", instance.stale());
            row.put("alerts", instance.alerts().stream().map(StatusView::alertJson).toList());
            return row;
        }).toList());
        StatusReport.Queues queues = report.queues();
        Map<String, Object> queueJson = new LinkedHashMap<>();
        queueJson.put("outbox_depth", queues.outboxDepth());
        queueJson.put("outbox_oldest_age_s", queues.outboxOldest().toSeconds());
        queueJson.put("outbox_parked", queues.outboxParked());
        queueJson.put("inbox_waiting", queues.inboxWaiting());
        document.put("queues", queueJson);
        return document;
    }

    private static Map<String, Object> alertJson(AlertStatus alert) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("alert", alert.alert());
        row.put("value", alert.value().isPresent() ? alert.value().getAsDouble() : null);
        row.put("threshold", alert.threshold());
        row.put("unit", Alert.byLabel(alert.alert()).map(known -> known.unit().name().toLowerCase()).orElse(null));
        row.put("rule", rule(alert));
        row.put("state", alert.state().label());
        row.put("since", alert.since().toString());
        return row;
    }

    private static List<String> firing(StatusReport report) {
        return report.instances().stream().filter(instance -> !instance.stale())
                .flatMap(instance -> instance.alerts().stream().filter(alert -> alert.state() == AlertState.FIRING)
                        .map(alert -> alert.alert() + " on " + instance.instance()))
                .toList();
    }

    private static String value(AlertStatus alert) {
        if (alert.value().isEmpty()) {
            return "no data";
        }
        return Alert.byLabel(alert.alert()).map(known -> known.unit().format(alert.value().getAsDouble()))
                .orElse(String.valueOf(alert.value().getAsDouble()));
    }

    /** The threshold as stored, with the window and hold time of the rule this version knows. */
    private static String rule(AlertStatus alert) {
        Optional<Alert> known = Alert.byLabel(alert.alert());
        if (known.isEmpty()) {
            return "> " + alert.threshold();
        }
        AlertRule runbook = AlertRules.runbook().rules().stream().filter(rule -> rule.alert() == known.get())
                .findFirst().orElseThrow();
        return new AlertRule(known.get(), alert.threshold(), runbook.window(), runbook.holdFor()).describe();
    }

    private static String ago(Instant then, Instant now) {
        return compact(Duration.between(then, now));
    }

    private static String compact(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        return seconds < 172_800 ? seconds / 3600 + "h" : seconds / 86_400 + "d";
    }
}
