package org.luvhive.cli.db;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code db cancel} and {@code db terminate} are given: the session, and whether to override the refusals. */
public final class SessionTargetOptions {

    @Parameters(index = "0", paramLabel = "PID", description = "The session's server process id (see 'luvhive db queries').")
    int pid;

    @Option(names = "--force", description = "Also another database's, a superuser's, a replication or a background "
            + "session (never this command's own).")
    boolean force;
}
