package org.luvhive.cli.support;

/**
 * Every exit code {@code luvhive} uses, in one place, so scripts can tell failures
 * apart. Listed in {@code luvhive --help} and README; a code's meaning never changes.
 * ({@code backup check} follows the Nagios convention instead: 0 OK, 1 WARNING,
 * 2 CRITICAL, 3 UNKNOWN.)
 */
public enum ExitCode {
    OK(0, "success"),
    FAILURE(1, "failure not covered below (see the message; --verbose for details)"),
    USAGE(2, "bad usage: unknown command or option, invalid value"),
    CONFIG_INVALID(3, "configuration invalid (environment or env file)"),
    DATABASE_UNAVAILABLE(4, "database unreachable, refused the login, or gone (dropped or lost: the message says so)"),
    SCHEMA_OUTDATED(5, "database schema behind this version: run 'luvhive db migrate'"),
    TELEGRAM_FAILED(6, "Telegram unreachable, or it refused the call or the token"),
    LOCK_HELD(10, "another backup run holds the backup lock (the message names it; see --lock-wait)"),
    PG_TOOLS_MISSING(11, "pg_dump/pg_restore missing or older than the server: install postgresql-client-<major>"),
    BACKUP_CORRUPT(12, "backup corrupt: a file missing, truncated or changed, unreadable, or wrong row counts"),
    TARGET_EXISTS(13, "restore target exists (use --force) or is the live or a system database"),
    BACKUP_NOT_FOUND(14, "no such backup (or no backup at all)"),
    BACKUP_FAILED(15, "pg_dump failed or its output failed the checks; nothing was kept"),
    RESTORE_FAILED(16, "restore failed (pg_restore, or the target could not be created or replaced); a half-restored"
            + " database was dropped, an existing target left as it was"),
    ALERTS_FIRING(20, "status: a runbook alert is firing on a running bot instance"),
    NO_BOT_REPORTING(21, "status: no bot instance reported its alerts in the last minute (none running, or all stale);"
            + " switch-database: no bot reported from the new database in time"),
    QUARANTINE_NOT_EMPTY(22, "inbox quarantine: updates that could not be stored or understood are held (listed)"),
    SESSION_NOT_FOUND(30, "db cancel/terminate: no session with that pid on this server (or it ended first)"),
    SESSION_REFUSED(31, "db cancel/terminate: refused: this command's own session; another database's, a superuser's,"
            + " a replication or a background session without --force; nothing to cancel; or the server denied it"),
    POOL_SIZE_REFUSED(32, "db pool size: the running bots' pools could outgrow the server's free connection slots"
            + " (less a margin for others); the message gives the largest size that fits; --force sets it anyway"),
    CONNECTIONS_EXHAUSTED(33, "db connections: a running bot's pool has threads waiting for a connection, or the"
            + " server has no free connection slot"),
    DOCTOR_FAILED(40, "doctor: a check failed (each FAIL names the RUNBOOK.md section to read)"),
    DOCTOR_WARNINGS(41, "doctor: no check failed, but one or more warned"),
    WEBHOOK_CHECK_FAILED(42, "webhook check: the URL did not answer as LuvHive's webhook with this SECRET_TOKEN, or"
            + " its TLS certificate is untrusted, for another name or expired");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
