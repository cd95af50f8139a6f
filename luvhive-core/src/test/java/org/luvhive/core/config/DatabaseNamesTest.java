package org.luvhive.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One rule for every database name an operator gives: plain names, never quoted. */
class DatabaseNamesTest {

    @Test
    void plainNamesUpToPostgresLimitAreTaken() {
        assertThat(DatabaseNames.isPlain("luvhive")).isTrue();
        assertThat(DatabaseNames.isPlain("_recovery_2")).isTrue();
        assertThat(DatabaseNames.isPlain("a".repeat(63))).isTrue();
    }

    @Test
    void anythingThatWouldNeedQuotingOrIsTooLongIsRefused() {
        for (String name : new String[] {"", "Luvhive", "2024_db", "luv-hive", "luv hive", "db;drop", "lüvhive",
                "luvhive\n", "a".repeat(64)}) {
            assertThat(DatabaseNames.isPlain(name)).as(name).isFalse();
        }
        assertThat(DatabaseNames.isPlain(null)).isFalse();
    }
}
