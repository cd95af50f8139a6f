package org.luvhive.cli.support;

import org.luvhive.core.backup.BackupCorruptException;
import org.luvhive.core.backup.BackupFailedException;
import org.luvhive.core.backup.BackupLockedException;
import org.luvhive.core.backup.BackupNotFoundException;
import org.luvhive.core.backup.PgToolsMissingException;
import org.luvhive.core.backup.RestoreFailedException;
import org.luvhive.core.backup.RestoreTargetExistsException;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.db.DatabaseUnavailableException;
import org.luvhive.core.dbops.SessionNotFoundException;
import org.luvhive.core.dbops.SessionRefusedException;
import org.luvhive.core.telegram.TelegramCallException;

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
        if (failure instanceof TelegramCallException) {
            return ExitCode.TELEGRAM_FAILED;
        }
        if (failure instanceof SessionNotFoundException) {
            return ExitCode.SESSION_NOT_FOUND;
        }
        if (failure instanceof SessionRefusedException) {
            return ExitCode.SESSION_REFUSED;
        }
        ExitCode backup = backupCode(failure);
        if (backup != null) {
            return backup;
        }
        return ExitCode.FAILURE;
    }

    private static ExitCode backupCode(Throwable failure) {
        if (failure instanceof BackupLockedException) {
            return ExitCode.LOCK_HELD;
        }
        if (failure instanceof PgToolsMissingException) {
            return ExitCode.PG_TOOLS_MISSING;
        }
        if (failure instanceof BackupCorruptException) {
            return ExitCode.BACKUP_CORRUPT;
        }
        if (failure instanceof RestoreTargetExistsException) {
            return ExitCode.TARGET_EXISTS;
        }
        if (failure instanceof BackupNotFoundException) {
            return ExitCode.BACKUP_NOT_FOUND;
        }
        if (failure instanceof BackupFailedException) {
            return ExitCode.BACKUP_FAILED;
        }
        if (failure instanceof RestoreFailedException) {
            return ExitCode.RESTORE_FAILED;
        }
        return null;
    }
}
