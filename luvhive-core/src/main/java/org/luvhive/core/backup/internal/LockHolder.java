package org.luvhive.core.backup.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * Who holds a lock, written into the lock file so that a refused run can name it.
 *
 * @param pid     process id
 * @param user    OS user
 * @param host    host name
 * @param command the luvhive command
 * @param since   when the lock was taken
 */
public record LockHolder(long pid, String user, String host, String command, Instant since) {

    public static LockHolder current(String command, Instant since) {
        return new LockHolder(ProcessHandle.current().pid(), System.getProperty("user.name", "?"), hostName(),
                command, since);
    }

    /** This host's name ($HOSTNAME, else the resolver's), "?" when unknown. */
    static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "?";
        }
    }

    public String describe() {
        return "'" + command + "' (pid " + pid + ", user " + user + ", host " + host + ", since " + since + ")";
    }
}
