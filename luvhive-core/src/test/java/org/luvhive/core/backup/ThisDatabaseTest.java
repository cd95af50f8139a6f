package org.luvhive.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.luvhive.core.config.DatabaseUrl;

/** Whose set a manifest describes, by identity when both are known, else by database name and server. */
class ThisDatabaseTest {

    private static final DatabaseIdentity LIVE = new DatabaseIdentity("7716113787634445812", "luvhive", 16384);
    private static final ThisDatabase CONFIGURED = ThisDatabase.configured(
            Optional.of(DatabaseUrl.parse("postgresql://bot@db.example:5432/luvhive")));

    @Test
    void byIdentityTheClusterAndTheOidDecideNotTheName() {
        ThisDatabase known = CONFIGURED.withIdentity(LIVE);

        assertThat(known.match(manifest("luvhive", "db.example:5432", "7716113787634445812", 16384L)))
                .isEqualTo(DatabaseMatch.SAME);
        assertThat(known.match(manifest("renamed_since", "10.0.0.7:6432", "7716113787634445812", 16384L)))
                .as("renamed, or reached through another address: the same database").isEqualTo(DatabaseMatch.SAME);
        assertThat(known.match(manifest("luvhive", "db.example:5432", "7716113787634445812", 16999L)))
                .as("dropped and created again").isEqualTo(DatabaseMatch.FOREIGN);
        assertThat(known.match(manifest("luvhive", "db.example:5432", "6000000000000000001", 16384L)))
                .as("another cluster (initdb, pg_upgrade)").isEqualTo(DatabaseMatch.FOREIGN);
    }

    @Test
    void withoutTwoIdentitiesTheDatabaseNameAndServerDecide() {
        ThisDatabase known = CONFIGURED.withIdentity(LIVE);

        assertThat(known.match(manifest("luvhive", "db.example:5432", null, null)))
                .isEqualTo(DatabaseMatch.IDENTITY_UNKNOWN);
        assertThat(known.match(manifest("luvhive", "db.example:5433", null, null))).isEqualTo(DatabaseMatch.FOREIGN);
        assertThat(known.match(manifest("other", "db.example:5432", null, null))).isEqualTo(DatabaseMatch.FOREIGN);
        assertThat(CONFIGURED.match(manifest("luvhive", "db.example:5432", "7716113787634445812", 16384L)))
                .as("this database's identity not known yet").isEqualTo(DatabaseMatch.IDENTITY_UNKNOWN);
        assertThat(CONFIGURED.describe()).isEqualTo("luvhive@db.example:5432");
    }

    @Test
    void theEmbeddedServerIsMatchedByNameWhateverItsPort() {
        ThisDatabase embedded = ThisDatabase.configured(Optional.empty());

        assertThat(embedded.match(manifest("luvhive", "127.0.0.1:41234", null, null)))
                .isEqualTo(DatabaseMatch.IDENTITY_UNKNOWN);
        assertThat(embedded.match(manifest("other", "127.0.0.1:41234", null, null))).isEqualTo(DatabaseMatch.FOREIGN);
        assertThat(embedded.describe()).isEqualTo("luvhive (embedded)");
    }

    @Test
    void aManifestOfTheOldFormatHasNoIdentityWhateverItCarries() {
        BackupManifest old = manifest("luvhive", "db.example:5432", "6000000000000000001", 1L);
        BackupManifest oldFormat = new BackupManifest(1, old.name(), old.status(), old.archive(), old.format(),
                old.compression(), old.jobs(), old.database(), old.server(), old.systemIdentifier(), old.databaseOid(),
                old.serverVersion(), old.pgDumpVersion(), old.pgDumpPath(), old.luvhiveVersion(), old.startedAt(),
                old.completedAt(), old.sizeBytes(), old.files(), old.tables(), old.verification());

        assertThat(oldFormat.identity()).isEmpty();
        assertThat(CONFIGURED.withIdentity(LIVE).match(oldFormat)).isEqualTo(DatabaseMatch.IDENTITY_UNKNOWN);
    }

    private static BackupManifest manifest(String database, String server, String systemIdentifier, Long oid) {
        Instant completed = Instant.parse("2025-03-01T03:00:00Z");
        return new BackupManifest(BackupManifest.FORMAT_VERSION, "luvhive_backup_20250301_030000",
                BackupManifest.COMPLETE, "luvhive_backup_20250301_030000.dump", "custom", "gzip:1", 1, database, server,
                systemIdentifier, oid, "15.15", "pg_dump (PostgreSQL) 15.18", "/usr/bin/pg_dump", "test",
                completed.minusSeconds(5), completed, 100, null, null, null);
    }
}
