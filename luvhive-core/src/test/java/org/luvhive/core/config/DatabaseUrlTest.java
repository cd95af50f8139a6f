package org.luvhive.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {

    @Test
    void parsesTheOperatorForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://luv%40hive:p%3Ass%2Fword@db.example.org:6543/luvhive?sslmode=require&application_name=x");

        assertThat(url.host()).isEqualTo("db.example.org");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("luvhive");
        assertThat(url.user()).isEqualTo("luv@hive");
        assertThat(url.password().orElseThrow().reveal()).isEqualTo("p:ss/word");
        assertThat(url.parameters()).containsEntry("sslmode", "require").containsEntry("application_name", "x");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:6543/luvhive?sslmode=require&application_name=x");
    }

    @Test
    void parsesPostgresSchemeAndDefaultsThePort() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://bot@localhost/luvhive");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.user()).isEqualTo("bot");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void parsesTheJdbcFormWithCredentialsInParameters() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://10.0.0.5:5433/luvhive?user=bot&password=pa%26ss&sslmode=disable");

        assertThat(url.host()).isEqualTo("10.0.0.5");
        assertThat(url.user()).isEqualTo("bot");
        assertThat(url.password().orElseThrow().reveal()).isEqualTo("pa&ss");
        assertThat(url.parameters()).containsOnlyKeys("sslmode");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:5433/luvhive?sslmode=disable");
    }

    @Test
    void parsesIpv6Hosts() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@[::1]:5432/db");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
    }

    @Test
    void maskedFormHidesThePasswordAndRevealedRoundTrips() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://bot:top%20secret@db:5432/luvhive?sslmode=require");

        assertThat(url.masked()).isEqualTo("postgresql://bot:***@db:5432/luvhive?sslmode=require");
        assertThat(url.toString()).doesNotContain("top");
        assertThat(DatabaseUrl.parse(url.revealed())).isEqualTo(url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mysql://u:p@h/db | must start with",
            "postgresql://u:p@h:port/db | port that is not a number",
            "postgresql://u:p@h:0/db | outside 1-65535",
            "postgresql://u:p@h:5432 | names no database",
            "postgresql://u:p@h:5432/ | names no database",
            "postgresql://u:p@:5432/db | names no host",
            "postgresql://u:p@a,b:5432/db | several hosts",
            "postgresql://u:p%zz@h/db | malformed %-escape"
    })
    void refusesMalformedUrlsWithoutEchoingThePassword(String raw, String expected) {
        assertThatThrownBy(() -> DatabaseUrl.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(":p@"));
    }
}
