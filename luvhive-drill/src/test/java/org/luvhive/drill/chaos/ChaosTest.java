package org.luvhive.drill.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run ({@code scripts/chaos} without {@code --minutes}: one cycle of every
 * fault) held to the goals: nothing lost, duplicated or reordered, what each killed
 * instance had in flight sent by the other within 5 s, poison quarantined, {@code /readyz}
 * answering under the slowloris, no crash, the normal profile at the end. Two bot JVMs, an
 * embedded PostgreSQL and the emulator: about 3 minutes on a quiet machine.
 */
class ChaosTest {

    @Test
    void twoBotProcessesLoseNothingThroughEveryFault() {
        List<String> progress = new CopyOnWriteArrayList<>();
        ChaosReport report = new ChaosRun(ChaosOptions.shortRun(), line -> {
            progress.add(line);
            System.err.println("chaos: " + line);
        }).run();
        System.out.println(report.json());

        assertThat(report.kills()).isEqualTo(2);
        assertThat(report.strandedClaims()).as("the kills left claims behind, so their release was exercised")
                .isPositive();
        assertThat(report.messages()).isPositive();
        assertThat(report.lost()).as("lost; %s", report.json()).isZero();
        assertThat(report.duplicated()).as("duplicated; %s", report.json()).isZero();
        assertThat(report.reordered()).as("reordered; %s", report.json()).isZero();
        assertThat(report.recoveryAfterKillS()).as("recovery after kill -9; %s", report.json())
                .isLessThan(ChaosReport.RECOVERY_GOAL_S);
        assertThat(report.quarantined()).as("quarantined").isGreaterThanOrEqualTo(report.quarantineExpected());
        assertThat(report.readyzFailures()).as("/readyz under the slowloris").isZero();
        assertThat(report.profile()).isEqualTo("normal");
        assertThat(report.passed()).isTrue();
    }
}
