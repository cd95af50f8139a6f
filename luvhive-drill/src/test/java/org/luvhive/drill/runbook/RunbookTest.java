package org.luvhive.drill.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.luvhive.core.ops.alerts.Alert;
import org.luvhive.core.ops.doctor.RunbookSection;

/**
 * RUNBOOK.md names only what exists: every {@code luvhive} line of its {@code sh} blocks
 * parses against the CLI's command tree, every section {@code luvhive doctor} points at is
 * there, every alert has its row, every systemd unit it names is one of ops/systemd.
 */
class RunbookTest {

    private static final Runbook RUNBOOK = Runbook.bundled();

    @Test
    void theBundledRunbookIsTheRepositorysOwn() throws IOException {
        assertThat(String.join("\n", RUNBOOK.headings()))
                .isEqualTo(String.join("\n", Runbook.parse(Files.readString(Path.of("..", "RUNBOOK.md"))).headings()));
    }

    @Test
    void everyLuvhiveLineNamesACommandAndOptionsThatExist() {
        assertThat(RUNBOOK.luvhiveLines()).hasSizeGreaterThan(40);
        List<String> problems = new ArrayList<>();
        for (RunbookLine line : RUNBOOK.luvhiveLines()) {
            CommandTreeCheck.problem(line).ifPresent(problem ->
                    problems.add("RUNBOOK.md:" + line.number() + " `" + line.text() + "`: " + problem));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aCommandOrOptionThatDoesNotExistIsFound() {
        Runbook broken = Runbook.parse("""
                ## Somewhere
                ```sh
                luvhive db queries --longer-than 5s
                luvhive db queris
                luvhive set-limits --profil crisis
                luvhive restore --latest --target luvhive_recovery --all-the-databases
                ```
                """);
        assertThat(broken.luvhiveLines()).extracting(line -> CommandTreeCheck.problem(line).isPresent())
                .containsExactly(false, true, true, true);
    }

    @Test
    void everySectionTheDoctorPointsAtExists() {
        for (RunbookSection section : RunbookSection.values()) {
            assertThat(RUNBOOK.headings()).as(section.reference()).contains(section.heading());
        }
    }

    @Test
    void everyAlertSendsTheDoctorsReaderToItsOwnSection() {
        for (Alert alert : Alert.values()) {
            assertThat(RunbookSection.forAlert(alert.label())).as("alert " + alert.label()).isPresent();
        }
    }

    @Test
    void everyAlertHasItsRowInTheMonitoringTable() {
        for (Alert alert : Alert.values()) {
            String label = alert.label();
            assertThat(RUNBOOK.headings()).contains("Monitoring");
            assertThat(bundledText()).as("alert " + label).containsPattern("\\| `" + label + "` \\|");
        }
    }

    @Test
    void everySystemdUnitItNamesIsShipped() {
        Pattern unit = Pattern.compile("(luvhive-[a-z-]+@?)(\\.service|\\.timer)?\\b");
        for (RunbookLine line : RUNBOOK.lines()) {
            if (!line.text().contains("systemctl") && !line.text().contains("journalctl")) {
                continue;
            }
            Matcher matcher = unit.matcher(line.text().replaceAll("'luvhive-\\*'", ""));
            while (matcher.find()) {
                String name = matcher.group(1) + (matcher.group(2) == null ? ".service" : matcher.group(2));
                assertThat(Path.of("..", "ops", "systemd", name)).as("RUNBOOK.md:" + line.number()).exists();
            }
        }
    }

    @Test
    void aDrillAsksForTheRunbooksOwnWords() {
        assertThat(RUNBOOK.line("FloodWait spike", "luvhive set-limits --profile crisis").luvhiveArguments())
                .containsExactly("set-limits", "--profile", "crisis");
        assertThatThrownBy(() -> RUNBOOK.line("FloodWait spike", "luvhive set-limits --profile panic"))
                .hasMessageContaining("has no line `luvhive set-limits --profile panic`");
        assertThatThrownBy(() -> RUNBOOK.line("Floodwait", "luvhive status")).hasMessageContaining("no section");
    }

    @Test
    void wordsSplitAsTheShellSplitsThem() {
        assertThat(ShellWords.split("luvhive db queries --longer-than '5 s' \"a b\" c\\ d # comment"))
                .containsExactly("luvhive", "db", "queries", "--longer-than", "5 s", "a b", "c d");
        assertThat(new RunbookLine("s", "luvhive db cancel <PID>", 1).with(Map.of("PID", "7")).text())
                .isEqualTo("luvhive db cancel 7");
    }

    private static String bundledText() {
        try {
            return Files.readString(Path.of("..", "RUNBOOK.md"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
