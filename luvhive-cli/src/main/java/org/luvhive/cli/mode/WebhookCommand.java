package org.luvhive.cli.mode;

import picocli.CommandLine.Command;

/** {@code luvhive webhook}: what Telegram says about our webhook. */
@Command(name = "webhook", mixinStandardHelpOptions = true, description = "Telegram's view of the webhook.")
public final class WebhookCommand {
}
