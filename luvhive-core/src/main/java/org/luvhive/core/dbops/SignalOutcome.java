package org.luvhive.core.dbops;

/**
 * What a cancel or terminate did.
 *
 * @param target the session, as it was just before
 * @param ended  whether its statement (cancel) or session (terminate) is gone now; a
 *               session busy in a long system call may take longer
 */
public record SignalOutcome(SessionTarget target, boolean ended) {
}
