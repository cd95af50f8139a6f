package org.luvhive.cli.moderation;

import picocli.CommandLine.Command;

/** {@code luvhive moderation rules}: list, add, remove and try the content rules. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "The content rules every running bot applies (changes apply within a second).")
public final class RulesCommand {
}
