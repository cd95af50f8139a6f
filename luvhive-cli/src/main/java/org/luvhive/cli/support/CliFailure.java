package org.luvhive.cli.support;

import org.luvhive.core.LuvhiveException;

/** A failure a command reports with a specific exit code and a one-line message. */
public final class CliFailure extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public CliFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
