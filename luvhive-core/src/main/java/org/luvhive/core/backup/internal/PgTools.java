package org.luvhive.core.backup.internal;

import java.nio.file.Path;

/**
 * The pg_dump and pg_restore in use, from one directory, with pg_dump's version line.
 *
 * @param pgDump         pg_dump's path
 * @param pgRestore      pg_restore's path
 * @param pgDumpVersion  {@code pg_dump --version}, as printed
 * @param major          the client's major version
 */
public record PgTools(Path pgDump, Path pgRestore, String pgDumpVersion, int major) {
}
