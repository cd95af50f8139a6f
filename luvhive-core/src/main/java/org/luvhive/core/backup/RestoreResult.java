package org.luvhive.core.backup;

/**
 * A finished restore.
 *
 * @param backup       the backup restored
 * @param target       the new database's name
 * @param maskedUrl    its URL with the password masked, to switch {@code DATABASE_URL} to
 * @param tables       tables whose row counts were compared with the manifest
 * @param rows         rows restored
 */
public record RestoreResult(String backup, String target, String maskedUrl, int tables, long rows) {
}
