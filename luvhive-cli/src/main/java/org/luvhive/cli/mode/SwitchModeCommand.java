package org.luvhive.cli.mode;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.Operator;
import org.luvhive.core.config.RunMode;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.RunModeSettings;
import org.luvhive.core.update.ModeSwitch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code luvhive switch-mode polling|webhook}: parses, then {@link ModeSwitch} tells Telegram
 * first (deleteWebhook or setWebhook, pending updates always kept) and stores the mode,
 * which every running bot follows within a second. If Telegram refuses, nothing changes.
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
        ModeSwitch modeSwitch = new ModeSwitch(
                new RunModeSettings(new OpsSettings(context.migratedDatabase().jdbi(), context.clock())),
                context.telegram(), context.config());
        String operator = Operator.name(context.environment());
        if (mode == RunMode.POLLING) {
            modeSwitch.toPolling(operator);
            context.out().println("Switched to polling: the webhook is removed, pending updates kept;"
                    + " running bots start polling within a second.");
            return ExitCode.OK.code();
        }
        URI base;
        try {
            base = modeSwitch.webhookBase(Optional.ofNullable(url));
        } catch (IllegalArgumentException refused) {
            throw new CommandLine.ParameterException(spec.commandLine(), refused.getMessage());
        }
        URI webhook = modeSwitch.toWebhook(base, operator);
        context.out().printf("Switched to webhook: Telegram posts to %s; running bots stop polling within a second.%n",
                webhook);
        return ExitCode.OK.code();
    }
}
