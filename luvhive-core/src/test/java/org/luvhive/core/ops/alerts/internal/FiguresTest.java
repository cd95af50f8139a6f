package org.luvhive.core.ops.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The DB figure: finished statements' p95, or the oldest still running when that is more. */
class FiguresTest {

    @Test
    void aStatementStillRunningCountsAsSoonAsItIsTheSlowest() {
        assertThat(Figures.dbMillis(15, 900)).isEqualTo(900);
        assertThat(Figures.dbMillis(450, 0)).isEqualTo(450);
        assertThat(Figures.dbMillis(Double.NaN, 900)).as("blocked before any statement finished").isEqualTo(900);
    }

    @Test
    void withoutStatementsThereIsNoFigure() {
        assertThat(Figures.dbMillis(Double.NaN, 0)).isNaN();
        assertThat(Figures.dbMillis(Double.NaN, Double.NaN)).isNaN();
        assertThat(Figures.dbMillis(15, Double.NaN)).isEqualTo(15);
    }
}
