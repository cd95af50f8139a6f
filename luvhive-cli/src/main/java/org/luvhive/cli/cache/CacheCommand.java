package org.luvhive.cli.cache;

import picocli.CommandLine.Command;

/** {@code luvhive cache}: the running bots' in-process caches. */
@Command(name = "cache", description = "The running bots' in-process caches.",
        mixinStandardHelpOptions = true)
public final class CacheCommand {
}
