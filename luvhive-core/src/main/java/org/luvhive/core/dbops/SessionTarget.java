package org.luvhive.core.dbops;

import java.time.Duration;
import java.util.Optional;

/**
 * The session an operator asked to cancel or terminate, as the server showed it just before.
 *
 * @param pid         its server process
 * @param database    its database
 * @param user        its role
 * @param application its {@code application_name}
 * @param backendType {@code client backend}, {@code walsender}, {@code autovacuum worker}, ... (empty
 *                    when this role may not see it: another role's session without pg_read_all_stats)
 * @param state       {@code active}, {@code idle}, ... (empty when this role may not see it)
 * @param superuser   whether its role is a superuser
 * @param running     how long its statement had run, when active
 * @param query       its statement, as the server shows it
 */
public record SessionTarget(int pid, String database, String user, String application, String backendType,
                            Optional<String> state, boolean superuser, Optional<Duration> running, String query) {

    public String describe() {
        StringBuilder text = new StringBuilder("pid ").append(pid);
        text.append(" (").append(!application.isEmpty() ? application : backendType.isEmpty() ? "?" : backendType);
        if (!user.isEmpty()) {
            text.append(", user ").append(user);
        }
        if (!database.isEmpty()) {
            text.append(", database ").append(database);
        }
        text.append(')');
        return text.toString();
    }
}
