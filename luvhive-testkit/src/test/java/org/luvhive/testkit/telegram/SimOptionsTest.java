package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimOptionsTest {

    @Test
    void parsesPortAndRates() throws Exception {
        SimOptions options = SimOptions.parse("--port", "0", "--global-rate", "100", "--chat-rate", "2.5");

        assertThat(options.port()).isZero();
        assertThat(options.limits().globalPerSecond()).isEqualTo(100);
        assertThat(options.limits().chatPerSecond()).isEqualTo(2.5);
        assertThat(options.autoRegisterBots()).isTrue();
    }

    @Test
    void rejectsBadUsageWithOneLine() {
        assertThatThrownBy(() -> SimOptions.parse("--port")).hasMessage("--port needs a value (try --help)");
        assertThatThrownBy(() -> SimOptions.parse("--port", "x")).hasMessage("--port needs a number, was \"x\"");
        assertThatThrownBy(() -> SimOptions.parse("--chat-rate", "0")).hasMessage("--chat-rate must be positive, was 0");
        assertThatThrownBy(() -> SimOptions.parse("--frobnicate")).hasMessage("unknown option --frobnicate (try --help)");
    }

    @Test
    void startsAndPrintsTheUrl() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimOptions options = SimOptions.parse("--port", "0", "--no-limits", "--bot", Tokens.token(77));

        try (TelegramEmulator emulator = TelegramSimMain.start(options, new PrintStream(out, true,
                StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8).trim())
                    .isEqualTo("Telegram Bot API emulator listening on " + emulator.baseUrl());
            assertThat(emulator.bots()).extracting(EmulatedBot::id).containsExactly(77L);
            assertThat(emulator.limits().enabled()).isFalse();
        }
    }
}
