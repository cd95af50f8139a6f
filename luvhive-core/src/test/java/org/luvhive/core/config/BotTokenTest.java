package org.luvhive.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BotTokenTest {

    @Test
    void parsesAndMasks() {
        BotToken token = BotToken.parse(" 123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_yz ");

        assertThat(token.botId()).isEqualTo(123456L);
        assertThat(token.masked()).isEqualTo("123456:AB…yz");
        assertThat(token.toString()).isEqualTo("123456:AB…yz");
        assertThat(token.reveal()).isEqualTo("123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_yz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123456", "123456:", "abc:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            "123456:short", "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ01234567 89", "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!"})
    void refusesMalformedTokensWithoutEchoingThem(String raw) {
        assertThatThrownBy(() -> BotToken.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("is not a bot token")
                .satisfies(failure -> {
                    if (!raw.isEmpty()) {
                        assertThat(failure.getMessage()).doesNotContain(raw);
                    }
                });
    }
}
