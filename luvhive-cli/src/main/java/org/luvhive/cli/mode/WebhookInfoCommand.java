package org.luvhive.cli.mode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.RunModeSettings;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luvhive webhook info}: getWebhookInfo, with the stored run mode beside it. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show getWebhookInfo: URL, pending updates, last error and when (--json too).")
public final class WebhookInfoCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    JsonOption json;

    WebhookInfoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        WebhookInfo info = context.telegram().execute(new GetWebhookInfo());
        String mode = new RunModeSettings(new OpsSettings(context.migratedDatabase().jdbi(), context.clock()))
                .mode(context.config()).label();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mode", mode);
        fields.put("url", info.getUrl() == null || info.getUrl().isEmpty() ? null : info.getUrl());
        fields.put("pending_update_count", info.getPendingUpdatesCount());
        Instant lastError = info.getLastErrorDate() == null || info.getLastErrorDate() == 0 ? null
                : Instant.ofEpochSecond(info.getLastErrorDate());
        fields.put("last_error_date", lastError == null ? null : lastError.toString());
        fields.put("last_error_message", info.getLastErrorMessage());
        fields.put("max_connections", info.getMaxConnections());
        fields.put("allowed_updates", info.getAllowedUpdates());
        if (json.enabled()) {
            context.out().println(context.json().render(fields));
            return ExitCode.OK.code();
        }
        var out = context.out();
        out.printf("Mode (stored):  %s%n", mode);
        out.printf("Webhook URL:    %s%n", fields.get("url") == null ? "(none: long polling)" : fields.get("url"));
        out.printf("Pending:        %s update(s)%n", info.getPendingUpdatesCount());
        out.printf("Last error:     %s%n", lastError == null ? "none"
                : info.getLastErrorMessage() + " (" + lastError + ", "
                        + Duration.between(lastError, context.clock().instant()).toMinutes() + " min ago)");
        if (info.getMaxConnections() != null) {
            out.printf("Connections:    up to %d at once%n", info.getMaxConnections());
        }
        return ExitCode.OK.code();
    }
}
