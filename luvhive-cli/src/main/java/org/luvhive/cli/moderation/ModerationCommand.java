package org.luvhive.cli.moderation;

import picocli.CommandLine.Command;

/** {@code luvhive moderation}: the content filter's strictness and rules, live on every running bot. */
@Command(name = "moderation", mixinStandardHelpOptions = true,
        description = "Content moderation: the strictness level, the rules, and what is held against users.")
public final class ModerationCommand {
}
