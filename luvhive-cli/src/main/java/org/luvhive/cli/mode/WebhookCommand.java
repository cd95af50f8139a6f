package org.luvhive.cli.mode;

import picocli.CommandLine.Command;

/** {@code luvhive webhook}: what Telegram says about our webhook, and whether its URL answers as ours. */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = "The webhook: Telegram's view of it (info), and a direct test of its URL (check).")
public final class WebhookCommand {
}
