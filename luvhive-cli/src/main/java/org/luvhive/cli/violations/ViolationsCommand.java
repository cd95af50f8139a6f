package org.luvhive.cli.violations;

import picocli.CommandLine.Command;

/** {@code luvhive violations}: what moderation and Telegram held against whom, for the weekly review. */
@Command(name = "violations", mixinStandardHelpOptions = true,
        description = "Moderation violations and FloodWaits, for the runbook's weekly review.")
public final class ViolationsCommand {
}
