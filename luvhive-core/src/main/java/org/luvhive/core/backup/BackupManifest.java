package org.luvhive.core.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest beside every archive ({@code NAME.manifest.json}): what was dumped, from
 * where, with which tools, every file's SHA-256, the row counts, and how far the backup
 * has been verified. Written last, so a manifest with status {@value #COMPLETE} means the
 * archive is in place and whole. Never holds a password. The file also carries a checksum
 * of itself, {@code manifest_sha256}, that luvhive updates with every write
 * (internal.ManifestSeal). Immutable.
 *
 * @param formatVersion  version of this manifest layout
 * @param name           the backup's name ({@code luvhive_backup_YYYYMMDD_HHMMSS})
 * @param status         {@value #COMPLETE} once everything is written
 * @param archive        the archive's file or directory name, beside the manifest
 * @param format         custom or directory
 * @param compression    as given to pg_dump ({@code gzip:1})
 * @param jobs           pg_dump's parallel jobs
 * @param database       the database dumped
 * @param server         host:port of the server (no credentials)
 * @param systemIdentifier the cluster's system identifier ({@code pg_control_system()}); null in
 *                       manifests written before format version 2
 * @param databaseOid    the dumped database's oid; null before format version 2
 * @param serverVersion  the server's version
 * @param pgDumpVersion  the pg_dump that wrote it ({@code pg_dump --version})
 * @param pgDumpPath     where that pg_dump is (absent in manifests of older builds)
 * @param luvhiveVersion the luvhive build that wrote it
 * @param startedAt      when the dump started
 * @param completedAt    when the archive and its checksums were complete
 * @param sizeBytes      total size of the archive
 * @param files          every file of the archive with its SHA-256
 * @param tables         every user table's row count and size
 * @param verification   the last verification
 */
public record BackupManifest(int formatVersion, String name, String status, String archive, String format,
                             String compression, int jobs, String database, String server,
                             String systemIdentifier, Long databaseOid, String serverVersion,
                             String pgDumpVersion, String pgDumpPath, String luvhiveVersion, Instant startedAt,
                             Instant completedAt, long sizeBytes, List<ManifestFile> files, List<TableCount> tables,
                             Verification verification) {

    /** 2: the database's identity and the manifest's own checksum are recorded. */
    public static final int FORMAT_VERSION = 2;
    /** The format version from which a manifest must carry its checksum and the database's identity. */
    public static final int IDENTIFIED_FORMAT_VERSION = 2;
    public static final String COMPLETE = "complete";

    public BackupManifest {
        files = files == null ? List.of() : List.copyOf(files);
        tables = tables == null ? List.of() : List.copyOf(tables);
        verification = verification == null ? Verification.unverified() : verification;
    }

    public boolean complete() {
        return COMPLETE.equals(status);
    }

    /**
     * Which database this is a backup of; empty for a manifest of an older format (or a
     * database whose identity could not be read), which is then matched by its
     * {@code database} and {@code server}.
     */
    public Optional<DatabaseIdentity> identity() {
        return formatVersion >= IDENTIFIED_FORMAT_VERSION && systemIdentifier != null && databaseOid != null
                ? Optional.of(new DatabaseIdentity(systemIdentifier, database, databaseOid)) : Optional.empty();
    }

    /** The database as people name it: {@code luvhive@db.example:5432}. */
    public String databaseAndServer() {
        return database + "@" + server;
    }

    public BackupFormat backupFormat() {
        return BackupFormat.parse(format);
    }

    public Duration duration() {
        return Duration.between(startedAt, completedAt);
    }

    /** Row counts by table, in the manifest's order. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach(table -> counts.put(table.table(), table.rows()));
        return counts;
    }

    /** Table sizes on disk at dump time by table, in the manifest's order (for progress weights). */
    public Map<String, Long> tableBytes() {
        Map<String, Long> bytes = new LinkedHashMap<>();
        tables.forEach(table -> bytes.put(table.table(), table.bytes()));
        return bytes;
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableCount::rows).sum();
    }

    public BackupManifest withVerification(Verification newVerification) {
        return new BackupManifest(formatVersion, name, status, archive, format, compression, jobs, database, server,
                systemIdentifier, databaseOid, serverVersion, pgDumpVersion, pgDumpPath, luvhiveVersion, startedAt,
                completedAt, sizeBytes, files, tables, newVerification);
    }
}
