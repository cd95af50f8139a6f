package org.luvhive.cli.support;

/**
 * A command whose normal run logs nothing (backup create writes its own backup log, not
 * through SLF4J). The CLI then does not start the logging backend ahead on another thread
 * ({@link BackgroundLoggingStart}): that would only take CPU from the command's start
 * (~35 ms before pg_dump, measured). Logging still starts on first use, e.g. for a warning.
 */
public interface LogsOnlyOnTrouble {
}
