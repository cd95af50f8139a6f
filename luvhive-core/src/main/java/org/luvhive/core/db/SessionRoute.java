package org.luvhive.core.db;

import java.util.Optional;
import org.luvhive.core.config.DatabaseUrl;

/**
 * Whether the pool's URL keeps a session across transactions, and where sessions that
 * must (LISTEN, session advisory locks) connect instead. Behind a transaction pooler
 * (PgBouncer's {@code pool_mode = transaction}) each transaction may run on another
 * server connection: session state is lost, so the pool prepares no statements on the
 * server and such sessions take {@code DATABASE_DIRECT_URL}. Immutable.
 *
 * @param directUrl         the server itself, when given
 * @param transactionPooled whether the pool's URL is a transaction pooler
 */
public record SessionRoute(Optional<DatabaseUrl> directUrl, boolean transactionPooled) {

    /** Straight to the server: sessions are kept, dedicated connections use the pool's URL. */
    public static SessionRoute direct() {
        return new SessionRoute(Optional.empty(), false);
    }

    /** Through a transaction pooler, with the server's own URL for sessions (or none given). */
    public static SessionRoute pooled(Optional<DatabaseUrl> directUrl) {
        return new SessionRoute(directUrl, true);
    }

    /** Sessions cannot be had: the pool's URL is a pooler and no direct URL was given. */
    public boolean sessionsUnavailable() {
        return transactionPooled && directUrl.isEmpty();
    }
}
