package org.luvhive.core.backup;

import java.util.Optional;

/**
 * A finished restore.
 *
 * @param backup       the backup restored
 * @param target       the new database's name
 * @param maskedUrl    its URL with the password masked, to switch {@code DATABASE_URL} to
 * @param tables       tables whose row counts were compared with the manifest
 * @param rows         rows restored
 * @param replaced     whether an existing database of that name was replaced (after the restore succeeded)
 * @param hasPassword  whether the URL carries a password (masked in {@code maskedUrl})
 * @param match        whether the backup is of this database
 * @param database     the database it is of, as its manifest names it ({@code name@host:port})
 * @param missing      the configured database's name when it is missing (the restore ran through its
 *                     server's maintenance database; {@code match} then compares with its identity as the
 *                     last create saw it)
 */
public record RestoreResult(String backup, String target, String maskedUrl, int tables, long rows, boolean replaced,
                            boolean hasPassword, DatabaseMatch match, String database,
                            Optional<String> missing) {
}
