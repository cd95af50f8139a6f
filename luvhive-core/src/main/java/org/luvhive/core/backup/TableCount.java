package org.luvhive.core.backup;

/**
 * A table's rows at the moment of the dump (counted in pg_dump's own snapshot), and its
 * size on the server then.
 *
 * @param table schema-qualified name
 * @param rows  exact row count
 * @param bytes pg_total_relation_size
 */
public record TableCount(String table, long rows, long bytes) {
}
