package org.luvhive.cli.token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.CliFailure;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.Operator;
import org.luvhive.core.config.BotToken;
import org.luvhive.core.config.ConfigKeys;
import org.luvhive.core.config.EnvFileWriter;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.config.RunMode;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.settings.RunModeSettings;
import org.luvhive.core.telegram.TelegramBotsGateway;
import org.luvhive.core.update.UpdateKind;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code luvhive rotate-token}: the new token comes from stdin or a file, never the
 * command line, and is never echoed. It is checked with getMe (and must belong to the
 * same bot unless {@code --force}), written to the env file (0600, atomically), the
 * webhook moved to it in webhook mode, and running bots told to swap their client.
 * The token never reaches the database: the announcement carries only a time.
 */
@Command(name = "rotate-token", mixinStandardHelpOptions = true,
        description = {"Install a new bot token (from BotFather's /revoke) in the env file and in running bots.",
                "Reads the token from stdin (prompted without echo on a terminal) or --token-file."})
public final class RotateTokenCommand implements Callable<Integer> {

    static final String ROTATED_KEY = "token.rotated_at";

    private final CliContext context;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the new token from this file.")
    Path tokenFile;

    @Option(names = "--force", description = "Accept a token of a different bot.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RotateTokenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        BotToken next;
        try {
            next = BotToken.parse(readToken());
        } catch (IllegalArgumentException malformed) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the new token " + malformed.getMessage());
        }
        LuvhiveConfig config = context.config();
        Optional<BotToken> current = config.botToken();
        User bot;
        try (TelegramBotsGateway probe = new TelegramBotsGateway(next, config.telegramApiUrl(), Duration.ofSeconds(15))) {
            bot = probe.execute(new GetMe());
            if (current.isPresent() && current.get().botId() != next.botId() && !force) {
                throw new CliFailure(ExitCode.USAGE, "refused: the new token is for bot " + next.botId()
                        + " (@" + bot.getUserName() + "), the current one for bot " + current.get().botId()
                        + "; add --force to switch bots");
            }
            Path envFile = context.envFile();
            EnvFileWriter.set(envFile, ConfigKeys.BOT_TOKEN, next.reveal());
            OpsSettings settings = new OpsSettings(context.migratedDatabase().jdbi(), context.clock());
            RunModeSettings modes = new RunModeSettings(settings);
            if (modes.mode(config) == RunMode.WEBHOOK) {
                moveWebhook(probe, modes, config, next);
            }
            settings.put(ROTATED_KEY, context.clock().instant().toString(), Operator.name(context.environment()));
            context.out().printf("Token rotated: bot %d (@%s), now %s; %s updated (mode 0600).%n", next.botId(),
                    bot.getUserName(), next.masked(), envFile);
            context.out().println("Running bots switch to it within a second.");
            if (context.environment().containsKey(ConfigKeys.BOT_TOKEN)) {
                context.err().println("luvhive: warning: BOT_TOKEN is set in this environment; a process started with it"
                        + " there keeps the old token (the environment wins over the env file)");
            }
        }
        return ExitCode.OK.code();
    }

    private void moveWebhook(TelegramBotsGateway probe, RunModeSettings modes, LuvhiveConfig config, BotToken next) {
        var base = modes.webhookBase(config).orElseThrow(() ->
                new CliFailure(ExitCode.CONFIG_INVALID, "webhook mode without a webhook URL: set EXTERNAL_URL"));
        probe.setWebhook(SetWebhook.builder()
                .url(RunModeSettings.webhookUrl(base, next.botId()).toString())
                .secretToken(config.secretToken().orElseThrow(() -> new CliFailure(ExitCode.CONFIG_INVALID,
                        "webhook mode without SECRET_TOKEN")).reveal())
                .allowedUpdates(UpdateKind.allowedUpdates())
                .maxConnections(40)
                .dropPendingUpdates(false)
                .build());
    }

    private String readToken() throws IOException {
        if (tokenFile != null) {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        }
        if (context.in() == System.in && System.console() != null) {
            char[] typed = System.console().readPassword("New bot token (not echoed): ");
            return typed == null ? "" : new String(typed).strip();
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? "" : line.strip();
    }
}
