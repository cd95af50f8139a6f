package org.luvhive.cli.mode;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.Operator;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.config.RunMode;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.RunModeSettings;
import org.luvhive.core.update.UpdateKind;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code luvhive switch-mode polling|webhook}: tells Telegram first (deleteWebhook or
 * setWebhook, pending updates always kept), then stores the mode, which every running
 * bot follows within a second. If Telegram refuses, nothing changes.
 */
@Command(name = "switch-mode", mixinStandardHelpOptions = true,
        description = {"Switch every running bot between long polling and webhook, live.",
                "Pending updates are kept either way; no restart."})
public final class SwitchModeCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "polling|webhook", description = "The mode to switch to.")
    String target;

    @Option(names = "--url", paramLabel = "URL",
            description = "Public https:// base URL for the webhook (default: the last one set, else EXTERNAL_URL).")
    URI url;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    SwitchModeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunMode mode;
        try {
            mode = RunMode.parse(target);
        } catch (IllegalArgumentException unknown) {
            throw new CommandLine.ParameterException(spec.commandLine(), "mode " + unknown.getMessage());
        }
        LuvhiveConfig config = context.config();
        RunModeSettings modes = new RunModeSettings(new OpsSettings(context.migratedDatabase().jdbi(), context.clock()));
        String operator = Operator.name(context.environment());
        if (mode == RunMode.POLLING) {
            context.telegram().execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
            modes.store(RunMode.POLLING, Optional.empty(), operator);
            context.out().println("Switched to polling: the webhook is removed, pending updates kept;"
                    + " running bots start polling within a second.");
            return ExitCode.OK.code();
        }
        URI base = Optional.ofNullable(url).or(() -> modes.webhookBase(config)).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "give --url (no EXTERNAL_URL is configured)"));
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--url must be an https:// URL");
        }
        String secret = config.secretToken().orElseThrow(() -> ConfigException.single(ConfigKeys.SECRET_TOKEN,
                "is required for webhook mode (1-256 of A-Z a-z 0-9 _ -)")).reveal();
        URI webhook = RunModeSettings.webhookUrl(base, config.requireBotToken().botId());
        context.telegram().setWebhook(SetWebhook.builder()
                .url(webhook.toString())
                .secretToken(secret)
                .allowedUpdates(UpdateKind.allowedUpdates())
                .maxConnections(40)
                .dropPendingUpdates(false)
                .build());
        modes.store(RunMode.WEBHOOK, Optional.of(base), operator);
        context.out().printf("Switched to webhook: Telegram posts to %s; running bots stop polling within a second.%n",
                webhook);
        return ExitCode.OK.code();
    }
}
