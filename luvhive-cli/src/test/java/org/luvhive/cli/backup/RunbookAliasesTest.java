package org.luvhive.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.luvhive.cli.CliRun;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * The runbook's own words work: {@code luvhive list-backups} and {@code luvhive restore}
 * are {@code backup list} and {@code backup restore}, and {@code --help} says so.
 */
@ExtendWith(PostgresExtension.class)
class RunbookAliasesTest {

    private final TestDatabase database;

    @TempDir
    Path home;

    RunbookAliasesTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void helpListsTheAliasesAsSuch() {
        CliRun help = new BackupFixture(database, home).run("--help");

        assertThat(help.out())
                .containsPattern("list-backups +Alias of 'luvhive backup list'\\.\\s+List this database's\\s+backups")
                .containsPattern("restore +Alias of 'luvhive backup restore'\\.\\s+Restore a backup into\\s+a\\s+new");
        assertThat(new BackupFixture(database, home).run("restore", "--help").out())
                .startsWith("Alias of 'luvhive backup restore'. Restore a backup")
                .contains("Usage: luvhive restore ").contains("--target=DBNAME");
        assertThat(new BackupFixture(database, home).run("list-backups", "--help").out())
                .startsWith("Alias of 'luvhive backup list'.").contains("Usage: luvhive list-backups ");
    }

    @Test
    void anAliasDoesWhatItsCommandDoes() {
        BackupFixture fixture = new BackupFixture(database, home);
        BackupFixture.seed(database.jdbi());
        assertThat(fixture.run("backup", "create").exitCode()).isZero();

        // one instant for both: the listing's age_seconds must not tick over between them
        Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        CliRun alias = fixture.run(now, "list-backups", "--json");
        CliRun command = fixture.run(now, "backup", "list", "--json");

        assertThat(alias.exitCode()).isZero();
        assertThat(alias.out()).isEqualTo(command.out()).contains("\"state\"");

        CliRun restore = fixture.run("restore", "--latest", "--target", "luvhive_alias_restore");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("luvhive_alias_restore");
        CliRun again = fixture.run("restore", "--latest", "--target", "luvhive_alias_restore");
        assertThat(again.exitCode()).as("the alias keeps the command's exit codes").isEqualTo(13);
    }
}
