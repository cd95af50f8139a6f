package org.luvhive.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.core.backup.internal.BackupLock;
import org.luvhive.core.backup.internal.InUseRegistry;
import org.luvhive.core.backup.internal.LockHolder;
import org.luvhive.core.backup.internal.ManifestJson;

/** Prune never removes a set a verify or restore is using, and it takes the create lock. */
class PruneInUseTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @TempDir
    Path directory;

    @Test
    void aMarkedSetSurvivesPruneUntilItsMarkerGoes() throws Exception {
        write("luvhive_backup_a", NOW.minus(Duration.ofDays(40)));
        write("luvhive_backup_b", NOW.minus(Duration.ofDays(30)));
        write("luvhive_backup_c", NOW.minus(Duration.ofDays(1)));
        Backups backups = new Backups(new BackupSettings(directory, directory.resolve("logs"), Map.of(), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC), BackupProgress.NONE);
        PrunePolicy policy = new PrunePolicy(0, 0, 0, 0, Optional.empty());

        try (var marked = new InUseRegistry(directory).mark("backup restore",
                () -> backups.catalog().find("luvhive_backup_a"), BackupSet::name)) {
            PruneResult result = backups.prune(policy, true, Duration.ZERO, DatabaseScope.THIS_DATABASE);
            assertThat(result.removed()).extracting(decision -> decision.set().name()).containsExactly("luvhive_backup_b");
            assertThat(result.kept()).anySatisfy(decision -> assertThat(decision.reasons())
                    .containsExactly("in use by a verify or restore"));
            assertThat(directory.resolve("luvhive_backup_a.dump")).exists();
        }
        backups.prune(policy, true, Duration.ZERO, DatabaseScope.THIS_DATABASE);
        assertThat(backups.catalog().sets()).extracting(BackupSet::name).containsExactly("luvhive_backup_c");
        assertThat(directory.resolve("luvhive_backup_a.dump")).doesNotExist();
    }

    @Test
    void pruneApplyWaitsForNoCreate() {
        Backups backups = new Backups(new BackupSettings(directory, directory.resolve("logs"), Map.of(), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC), BackupProgress.NONE);
        try (BackupLock held = BackupLock.acquire(directory, LockHolder.current("backup create", NOW), Duration.ZERO)) {
            assertThatThrownBy(() -> backups.prune(new PrunePolicy(1, 0, 0, 0, Optional.empty()), true, Duration.ZERO, DatabaseScope.THIS_DATABASE))
                    .isInstanceOf(BackupLockedException.class).hasMessageContaining("'backup create'");
            assertThat(backups.prune(new PrunePolicy(1, 0, 0, 0, Optional.empty()), false, Duration.ZERO, DatabaseScope.THIS_DATABASE).applied())
                    .as("a dry run needs no lock").isFalse();
        }
    }

    private void write(String name, Instant completedAt) throws Exception {
        Files.writeString(directory.resolve(name + ".dump"), "x".repeat(100)); // the size RetentionTest.set records
        BackupManifest manifest = RetentionTest.set(name, completedAt, VerificationState.UNVERIFIED).manifest();
        new ManifestJson().write(directory.resolve(name + ".manifest.json"), manifest);
        assertThat(List.of(name)).isNotEmpty();
    }
}
