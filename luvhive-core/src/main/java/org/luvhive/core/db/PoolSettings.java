package org.luvhive.core.db;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How the connection pool is sized and how long it waits.
 *
 * @param maximumSize       most connections at once ({@code DB_POOL_SIZE})
 * @param connectionTimeout how long a caller waits for a connection, and the limit on
 *                          reaching the server at start-up: an unreachable database is
 *                          reported after this, not after the driver's minutes
 * @param applicationName   shown in {@code pg_stat_activity}, so operators see who is connected: the
 *                          program, then the instance ({@code luvhive-bot host:4242}); at most
 *                          {@value #MAX_NAME_BYTES} bytes, as PostgreSQL keeps no more
 */
public record PoolSettings(int maximumSize, Duration connectionTimeout, String applicationName) {

    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** PostgreSQL's NAMEDATALEN - 1: a longer application_name is cut by the server. */
    public static final int MAX_NAME_BYTES = 63;
    private static final String DEDICATED = "-dedicated";

    public PoolSettings {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1");
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms (HikariCP's minimum)");
        }
    }

    public static PoolSettings of(int maximumSize, String applicationName) {
        return new PoolSettings(maximumSize, DEFAULT_CONNECTION_TIMEOUT, applicationName);
    }

    /**
     * For one instance of a program: its sessions are named {@code "program instance"}, cut
     * to what PostgreSQL keeps, so {@code pg_stat_activity} tells the instances apart.
     */
    public static PoolSettings of(int maximumSize, String program, String instance) {
        return of(maximumSize, fit(program + " " + instance, MAX_NAME_BYTES));
    }

    /**
     * What sessions outside the pool are called: {@code -dedicated} after the program's
     * name ({@code luvhive-bot-dedicated host:4242}).
     */
    public String dedicatedApplicationName() {
        int space = applicationName.indexOf(' ');
        String named = space < 0 ? applicationName + DEDICATED
                : applicationName.substring(0, space) + DEDICATED + applicationName.substring(space);
        return fit(named, MAX_NAME_BYTES);
    }

    /** {@code text} cut to at most {@code bytes} bytes of UTF-8, never inside a character. */
    static String fit(String text, int bytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= bytes) {
            return text;
        }
        StringBuilder fitted = new StringBuilder();
        int used = 0;
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > bytes) {
                break;
            }
            fitted.appendCodePoint(codePoint);
            used += size;
            index += Character.charCount(codePoint);
        }
        return fitted.toString();
    }
}
