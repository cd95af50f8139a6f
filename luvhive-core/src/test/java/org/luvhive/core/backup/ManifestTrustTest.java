package org.luvhive.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.backup.internal.ManifestJson;
import org.luvhive.core.backup.internal.ManifestSeal;

/**
 * Prune, verify and restore act only on what a manifest may name: its own archive beside
 * it. Hand-edited, unreadable or incomplete manifests make broken sets that are reported
 * and kept, never followed outside the backup directory.
 */
class ManifestTrustTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final PrunePolicy KEEP_LAST_ONE = new PrunePolicy(1, 0, 0, 0, Optional.empty());

    @TempDir
    Path root;

    private Path directory() throws Exception {
        return Files.createDirectories(root.resolve("backups"));
    }

    private Backups backups() throws Exception {
        return new Backups(new BackupSettings(directory(), root.resolve("logs"), Map.of(), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC), BackupProgress.NONE);
    }

    @Test
    void anArchiveNamedOutsideTheBackupDirectoryIsNeverDeleted() throws Exception {
        Path victimDirectory = Files.createDirectories(root.resolve("victimdir/sub"));
        Files.writeString(victimDirectory.resolve("x"), "keep me");
        Path victimFile = Files.writeString(root.resolve("victim.dump"), "keep me too");
        Path absoluteVictim = Files.writeString(root.resolve("victim2.txt"), "and me");
        write(customSet("luvhive_backup_20250501_000000", NOW.minus(Duration.ofDays(30))), "directory", "../victimdir",
                List.of(new ManifestFile("../victimdir/sub/x", 7, sha())));
        write(customSet("luvhive_backup_20250502_000000", NOW.minus(Duration.ofDays(29))), "custom", "../victim.dump",
                List.of(new ManifestFile("../victim.dump", 11, sha())));
        write(customSet("luvhive_backup_20250503_000000", NOW.minus(Duration.ofDays(28))), "custom",
                absoluteVictim.toString(), List.of(new ManifestFile(absoluteVictim.toString(), 6, sha())));
        write(customSet("luvhive_backup_20250531_000000", NOW.minus(Duration.ofDays(1))), null, null, null);

        PruneResult result = backups().prune(KEEP_LAST_ONE, true, Duration.ZERO, DatabaseScope.THIS_DATABASE);

        assertThat(victimDirectory.resolve("x")).hasContent("keep me");
        assertThat(victimFile).hasContent("keep me too");
        assertThat(absoluteVictim).hasContent("and me");
        assertThat(result.broken()).extracting(BrokenSet::state).containsOnly(BrokenSet.State.CORRUPT).hasSize(3);
        assertThat(result.broken()).allSatisfy(broken -> assertThat(broken.reason()).contains("manifest not trusted"));
        assertThat(directory().resolve("luvhive_backup_20250501_000000.manifest.json")).exists();
        assertThat(backups().catalog().sets()).extracting(BackupSet::name).containsExactly("luvhive_backup_20250531_000000");
        assertThatThrownBy(() -> backups().catalog().find("luvhive_backup_20250502_000000"))
                .isInstanceOf(BackupCorruptException.class).hasMessageContaining("../victim.dump");
    }

    @Test
    void filesOutsideTheArchiveOrNoFilesAtAllAreCorrupt() throws Exception {
        String directoryName = "luvhive_backup_20250510_000000";
        Files.createDirectories(directory().resolve(directoryName + ".dir"));
        Files.writeString(directory().resolve(directoryName + ".dir/toc.dat"), "toc");
        write(customSet(directoryName, NOW.minus(Duration.ofDays(2))), "directory", directoryName + ".dir",
                List.of(new ManifestFile(directoryName + ".dir/toc.dat", 3, sha()),
                        new ManifestFile(directoryName + ".dir/../../../etc/hostname", 3, sha())));
        BackupSet empty = customSet("luvhive_backup_20250511_000000", NOW.minus(Duration.ofDays(1)));
        write(empty, null, null, List.of());
        BackupSet missingFiles = customSet("luvhive_backup_20250512_000000", NOW.minus(Duration.ofHours(1)));
        write(missingFiles, null, null, List.of());
        rewriteSealed(missingFiles.manifestPath(), text -> text.replaceAll("\"files\"\\s*:\\s*\\[\\s*\\],?", ""));

        BackupCatalog.Listing listing = backups().catalog().read();

        assertThat(listing.sets()).isEmpty();
        assertThat(listing.broken()).extracting(BrokenSet::name, BrokenSet::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("luvhive_backup_20250512_000000", BrokenSet.State.CORRUPT),
                org.assertj.core.groups.Tuple.tuple("luvhive_backup_20250511_000000", BrokenSet.State.CORRUPT),
                org.assertj.core.groups.Tuple.tuple(directoryName, BrokenSet.State.CORRUPT));
        assertThat(listing.broken().get(1).reason()).contains("lists no files");
        assertThat(listing.broken().get(2).reason()).contains("is not inside");
        assertThatThrownBy(() -> backups().catalog().find("luvhive_backup_20250511_000000"))
                .isInstanceOf(BackupCorruptException.class).hasMessageContaining("lists no files");
    }

    @Test
    void anUnreadableManifestKeepsItsArchiveAndIsReported() throws Exception {
        BackupSet recent = customSet("luvhive_backup_20250531_230000", NOW.minus(Duration.ofMinutes(1)));
        write(recent, null, null, null);
        Files.writeString(recent.manifestPath(), "{ broken");
        BackupSet running = customSet("luvhive_backup_20250531_220000", NOW.minus(Duration.ofHours(2)));
        write(running, null, null, null);
        rewriteSealed(running.manifestPath(),
                text -> text.replace("\"status\" : \"complete\"", "\"status\" : \"running\""));
        write(customSet("luvhive_backup_20250530_000000", NOW.minus(Duration.ofDays(2))), null, null, null);

        PruneResult result = backups().prune(KEEP_LAST_ONE, true, Duration.ZERO, DatabaseScope.THIS_DATABASE);

        assertThat(recent.archive()).exists();
        assertThat(recent.manifestPath()).exists();
        assertThat(running.archive()).exists();
        assertThat(result.orphans()).isEmpty();
        assertThat(result.broken()).extracting(BrokenSet::name, BrokenSet::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(recent.name(), BrokenSet.State.CORRUPT),
                org.assertj.core.groups.Tuple.tuple(running.name(), BrokenSet.State.INCOMPLETE));
        assertThat(result.broken()).filteredOn(broken -> broken.name().equals(recent.name())).singleElement()
                .satisfies(broken -> assertThat(broken.reason()).startsWith("unreadable manifest: ")
                        .contains("line 1, column").doesNotContain("\n").doesNotContain("REDACTED"));
        assertThatThrownBy(() -> backups().catalog().find(recent.name()))
                .as("verify of a set whose manifest is unreadable: corrupt (12), not 'no such backup' (14)")
                .isInstanceOf(BackupCorruptException.class);
        assertThatThrownBy(() -> backups().catalog().find(running.name())).isInstanceOf(BackupCorruptException.class)
                .hasMessageContaining("running");
    }

    @Test
    void archivesWithoutManifestGoOnlyWhenOldAndManifestsWithoutArchiveGo() throws Exception {
        Path young = Files.writeString(directory().resolve("luvhive_backup_20250531_235900.dump"), "young");
        Files.setLastModifiedTime(young, FileTime.from(NOW.minus(Duration.ofMinutes(1))));
        Path old = Files.writeString(directory().resolve("luvhive_backup_20250520_000000.dump"), "old");
        Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofDays(2))));
        BackupSet gone = customSet("luvhive_backup_20250525_000000", NOW.minus(Duration.ofDays(7)));
        write(gone, null, null, null);
        Files.delete(gone.archive());
        write(customSet("luvhive_backup_20250531_000000", NOW.minus(Duration.ofDays(1))), null, null, null);

        PruneResult dryRun = backups().prune(KEEP_LAST_ONE, false, Duration.ZERO, DatabaseScope.THIS_DATABASE);
        assertThat(dryRun.orphans()).containsExactly(old);
        assertThat(dryRun.youngOrphans()).containsExactly(young);
        assertThat(dryRun.staleManifests()).containsExactly(gone.manifestPath());
        assertThat(gone.manifestPath()).as("a dry run removes nothing").exists();

        PruneResult applied = backups().prune(KEEP_LAST_ONE, true, Duration.ZERO, DatabaseScope.THIS_DATABASE);
        assertThat(applied.staleManifests()).containsExactly(gone.manifestPath());
        assertThat(gone.manifestPath()).doesNotExist();
        assertThat(old).doesNotExist();
        assertThat(young).exists();
    }

    @Test
    void aTruncatedArchiveIsDamagedAndStillFoundSoVerifyCanFailIt() throws Exception {
        BackupSet older = customSet("luvhive_backup_20250530_000000", NOW.minus(Duration.ofDays(2)));
        write(older, null, null, null);
        BackupSet newest = customSet("luvhive_backup_20250531_000000", NOW.minus(Duration.ofDays(1)));
        write(newest, null, null, null);
        Files.write(newest.archive(), new byte[0]);

        BackupCatalog.Listing listing = backups().catalog().read();

        assertThat(listing.sets()).extracting(BackupSet::name).containsExactly(older.name());
        assertThat(listing.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.state()).isEqualTo(BrokenSet.State.DAMAGED);
            assertThat(broken.reason()).contains("has 0 bytes, the manifest says 100");
        });
        assertThat(backups().catalog().latest().name()).as("verify --latest must fail on it, not prove an older set")
                .isEqualTo(newest.name());
        assertThat(backups().prune(new PrunePolicy(0, 0, 0, 0, Optional.of(Duration.ofHours(1))), true, Duration.ZERO, DatabaseScope.THIS_DATABASE)
                .broken()).hasSize(1);
        assertThat(newest.archive()).as("prune keeps a broken set for a person to look at").exists();
    }

    @Test
    void aBackupDirectoryThatIsAFileIsAClearError() throws Exception {
        Files.writeString(root.resolve("file"), "not a directory");
        Backups backups = new Backups(new BackupSettings(root.resolve("file"), root.resolve("logs"), Map.of(),
                Optional.empty()), Clock.fixed(NOW, ZoneOffset.UTC), BackupProgress.NONE);
        assertThatThrownBy(() -> backups.list(DatabaseScope.THIS_DATABASE)).hasMessageContaining("is not a directory");
        CheckResult check = backups.check(CheckThresholds.defaults(), DatabaseScope.THIS_DATABASE);
        assertThat(check.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(check.line()).startsWith("BACKUP UNKNOWN - cannot read the backup directory");
    }

    // --- helpers: a set of a 100-byte custom archive, and its manifest with some fields replaced

    private BackupSet customSet(String name, Instant completedAt) throws Exception {
        BackupSet template = RetentionTest.set(name, completedAt, VerificationState.UNVERIFIED);
        return new BackupSet(directory().resolve(name + ".dump"), directory().resolve(name + ".manifest.json"),
                template.manifest());
    }

    private static void write(BackupSet set, String format, String archive, List<ManifestFile> files) throws Exception {
        Files.writeString(set.archive(), "x".repeat(100));
        BackupManifest manifest = set.manifest();
        List<ManifestFile> listed = files == null ? manifest.files() : files;
        BackupManifest edited = new BackupManifest(manifest.formatVersion(), manifest.name(), manifest.status(),
                archive == null ? manifest.archive() : archive, format == null ? manifest.format() : format,
                manifest.compression(), manifest.jobs(), manifest.database(), manifest.server(),
                manifest.systemIdentifier(), manifest.databaseOid(), manifest.serverVersion(),
                manifest.pgDumpVersion(), manifest.pgDumpPath(), manifest.luvhiveVersion(), manifest.startedAt(),
                manifest.completedAt(),
                listed.stream().mapToLong(ManifestFile::bytes).sum(), listed, manifest.tables(), manifest.verification());
        new ManifestJson().write(set.manifestPath(), edited);
    }

    /** Edits a manifest's text and seals it again: a manifest luvhive itself would have written so. */
    private static void rewriteSealed(Path manifest, UnaryOperator<String> edit) throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(edit.apply(Files.readString(manifest)));
        ManifestSeal.seal(tree);
        Files.writeString(manifest, tree.toString());
    }

    private static String sha() {
        return "0".repeat(64);
    }
}
