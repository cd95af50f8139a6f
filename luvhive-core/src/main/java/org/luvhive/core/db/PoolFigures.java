package org.luvhive.core.db;

/**
 * A connection pool at one moment.
 *
 * @param active  connections lent out
 * @param idle    connections ready in the pool
 * @param waiting threads waiting for a connection
 * @param maximum the most connections the pool opens
 */
public record PoolFigures(int active, int idle, int waiting, int maximum) {

    /** Every connection the pool may open is lent out. */
    public boolean full() {
        return active >= maximum;
    }
}
