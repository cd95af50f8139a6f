package org.luvhive.cli.support;

import org.luvhive.cli.ExitCode;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.db.DatabaseUnavailableException;

/** The one place where a failure becomes an exit code. */
public final class ExitCodes {

    private ExitCodes() {
    }

    public static ExitCode of(Throwable failure) {
        if (failure instanceof CliFailure cliFailure) {
            return cliFailure.exitCode();
        }
        if (failure instanceof ConfigException) {
            return ExitCode.CONFIG_INVALID;
        }
        if (failure instanceof DatabaseUnavailableException) {
            return ExitCode.DATABASE_UNAVAILABLE;
        }
        return ExitCode.FAILURE;
    }
}
