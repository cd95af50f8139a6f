package org.luvhive.cli.mode;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.config.Secret;
import org.luvhive.core.db.DatabaseUnavailableException;
import org.luvhive.core.ops.webhook.ProbeResult;
import org.luvhive.core.ops.webhook.TlsReport;
import org.luvhive.core.ops.webhook.WebhookProbe;
import org.luvhive.core.ops.webhook.WebhookReport;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.RunModeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code luvhive webhook check}: tests the webhook URL directly, as Telegram reaches it,
 * without creating an update ({@link WebhookProbe}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Test the webhook URL directly: secret, answers, latency, TLS certificate; creates no update.",
        description = {"Sends two POSTs with empty bodies: with SECRET_TOKEN it must be refused as malformed (400), "
                + "which proves the endpoint is LuvHive's and the secrets match; with a wrong secret as "
                + "unauthorised (401). For https URLs it shows the certificate's issuer, names and expiry and "
                + "whether a client trusts it (a warning under 14 days left).",
                "The URL is the one the last switch-mode set, else EXTERNAL_URL, plus /telegram/<bot id>."})
public final class WebhookCheckCommand implements Callable<Integer>, DocumentsExitCodes {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CliContext context;

    @Option(names = "--url", paramLabel = "URL",
            description = "Check this base URL instead (as switch-mode's --url; /telegram/<bot id> is added).")
    URI url;

    @Mixin
    JsonOption json;

    WebhookCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.WEBHOOK_CHECK_FAILED, ExitCode.USAGE, ExitCode.CONFIG_INVALID);
    }

    @Override
    public Integer call() {
        LuvhiveConfig config = context.config();
        Secret secret = config.secretToken().orElseThrow(() -> ConfigException.single(ConfigKeys.SECRET_TOKEN,
                "is required to check the webhook: it is what Telegram sends back in a header"));
        URI base = Optional.ofNullable(url).or(this::configuredBase).orElseThrow(() -> ConfigException.single(
                ConfigKeys.EXTERNAL_URL, "is not set and no switch-mode stored a webhook URL; give --url URL"));
        URI webhook = RunModeSettings.webhookUrl(base, config.requireBotToken().botId());
        WebhookReport report = new WebhookProbe(context.clock(), TIMEOUT).probe(webhook, secret);
        if (json.enabled()) {
            context.out().println(context.json().render(asJson(report)));
        } else {
            print(report);
        }
        return report.ok() ? ExitCode.OK.code() : ExitCode.WEBHOOK_CHECK_FAILED.code();
    }

    /** The last switch-mode's URL, else EXTERNAL_URL; EXTERNAL_URL alone while the database is down. */
    private Optional<URI> configuredBase() {
        try {
            return new RunModeSettings(new OpsSettings(context.database().jdbi(), context.clock()))
                    .webhookBase(context.config());
        } catch (DatabaseUnavailableException down) {
            context.err().println("luvhive: the database is unreachable, so EXTERNAL_URL is checked (a URL set by"
                    + " switch-mode is stored there)");
            return context.config().externalUrl();
        }
    }

    private void print(WebhookReport report) {
        var out = context.out();
        out.printf("Webhook URL:  %s%n", report.url());
        for (ProbeResult request : report.requests()) {
            out.printf("  %-25s %s in %d ms (expected %d): %s: %s%n", request.name() + ":",
                    request.status().map(String::valueOf).orElse("no answer"), request.latency().toMillis(),
                    request.expected(), request.ok() ? "OK" : "FAIL", request.verdict());
        }
        report.tls().ifPresent(tls -> out.printf("TLS:          issuer %s; names %s; expires %s (%d days); %s%n",
                tls.issuer(), tls.names().isEmpty() ? "(none)" : String.join(", ", tls.names()), tls.notAfter(),
                tls.daysLeft(), tls.problem().map(problem -> "NOT TRUSTED: " + problem).orElse("trusted")));
        report.warnings().forEach(warning -> out.println("WARNING: " + warning));
        out.println(report.ok() ? "Webhook OK" : "Webhook FAILED: " + String.join("; ", report.problems()));
    }

    private static Map<String, Object> asJson(WebhookReport report) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("url", report.url().toString());
        fields.put("ok", report.ok());
        fields.put("requests", report.requests().stream().map(request -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", request.name());
            row.put("expected", request.expected());
            row.put("status", request.status());
            row.put("latency_ms", request.latency().toMillis());
            row.put("ok", request.ok());
            row.put("failure", request.failure());
            row.put("verdict", request.verdict());
            return row;
        }).toList());
        fields.put("tls", report.tls().map(WebhookCheckCommand::tlsJson).orElse(null));
        fields.put("problems", report.problems());
        fields.put("warnings", report.warnings());
        return fields;
    }

    private static Map<String, Object> tlsJson(TlsReport tls) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("subject", tls.subject());
        fields.put("issuer", tls.issuer());
        fields.put("names", tls.names());
        fields.put("not_after", tls.notAfter().toString());
        fields.put("days_left", tls.daysLeft());
        fields.put("trusted", tls.trusted());
        fields.put("problem", tls.problem());
        return fields;
    }
}
