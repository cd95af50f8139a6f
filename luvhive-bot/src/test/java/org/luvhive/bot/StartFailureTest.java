package org.luvhive.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class StartFailureTest {

    @Test
    void aRefusedOrTimedOutConnectionAnywhereInTheChainIsTheDatabase() {
        var refused = new ConnectionException(new SQLException("Connection to 10.0.0.5:5432 refused.", "08001"));
        var poolTimeout = new IllegalStateException("listener",
                new SQLTransientConnectionException("luvhive-bot - Connection is not available, request timed out"));

        assertThat(StartFailure.isDatabaseUnreachable(refused)).isTrue();
        assertThat(StartFailure.isDatabaseUnreachable(poolTimeout)).isTrue();
        assertThat(StartFailure.describe(refused))
                .isEqualTo("database unavailable while starting: SQLException: Connection to 10.0.0.5:5432 refused.");
    }

    @Test
    void anythingElseIsAStartUpFailureNamedByItsRootCauseFirstLine() {
        var bug = new IllegalStateException("wrapper", new SQLException("syntax error at or near \"selct\"\n  Position: 1",
                "42601"));

        assertThat(StartFailure.isDatabaseUnreachable(bug)).isFalse();
        assertThat(StartFailure.describe(bug)).isEqualTo("start-up failed: SQLException: syntax error at or near \"selct\"");
        assertThat(StartFailure.describe(new IllegalStateException())).isEqualTo("start-up failed: IllegalStateException");
    }
}
