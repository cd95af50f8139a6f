package org.luvhive.cli.inbox;

import picocli.CommandLine.Command;

/** {@code luvhive inbox}: the updates the bots received. */
@Command(name = "inbox", description = "The updates the bots received: what is held in quarantine.",
        mixinStandardHelpOptions = true)
public final class InboxCommand {
}
