package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luvhive.testkit.telegram.internal.ManualClock;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class RateLimitTest {
    private static final String TOKEN = Tokens.token(9_000_001);

    private TelegramEmulator emulator;

    @AfterEach
    void stop() {
        emulator.close();
    }

    private OkHttpTelegramClient client() {
        return new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false));
    }

    @Test
    void aTooFastSenderGetsA429ThatTheClientSurfacesWithRetryAfter() throws Exception {
        emulator = TelegramEmulator.builder().build().start();
        SimulatedUser alice = emulator.bot(TOKEN).newUser("Alice");
        alice.sendCommand("start");
        OkHttpTelegramClient client = client();
        for (int i = 0; i < EmulatorLimits.telegramDefaults().chatBurst(); i++) {
            client.execute(SendMessage.builder().chatId(alice.id()).text("fast " + i).build());
        }

        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(alice.id()).text("too fast").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters()).isNotNull();
                    assertThat(e.getParameters().getRetryAfter()).isGreaterThanOrEqualTo(1);
                    assertThat(e.getApiResponse()).startsWith("Too Many Requests: retry after ");
                });
        assertThat(emulator.bot(TOKEN).stats().tooManyRequests()).isEqualTo(1);
        assertThat(emulator.bot(TOKEN).stats().delivered(alice.id())).isEqualTo(3);
    }

    @Test
    void sendingAtTwiceTheGlobalLimitDeliversAtTheLimit() throws Exception {
        double limit = 10;
        // measuring from the first 429 (bucket empty) keeps the burst out of the count
        int burst = 5;
        // the emulator's time moves only between two sends: a busy machine cannot change the pace
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        emulator = TelegramEmulator.builder()
                .limits(EmulatorLimits.telegramDefaults().withGlobal(limit, burst).withChat(1_000, 1_000))
                .clock(clock).build().start();
        EmulatedBot bot = emulator.bot(TOKEN);
        List<SimulatedUser> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(bot.newUser("User" + i));
            users.get(i).sendCommand("start");
        }
        OkHttpTelegramClient client = client();

        Duration interval = Duration.ofNanos((long) (1e9 / (2 * limit)));
        for (int i = 0; i < 2 * limit * 5; i++) {
            clock.advance(interval);
            SendMessage message = SendMessage.builder().chatId(users.get(i % users.size()).id()).text("#" + i).build();
            try {
                client.execute(message);
            } catch (TelegramApiRequestException refused) {
                assertThat(refused.getErrorCode()).isEqualTo(429);
            }
        }

        List<LoggedRequest> log = bot.requestLog().stream().filter(entry -> entry.method().equals("sendMessage"))
                .toList();
        long refused = log.stream().filter(entry -> entry.status() == 429).count();
        assertThat(refused).isGreaterThan(0);
        assertThat(bot.stats().tooManyRequests()).isEqualTo(refused);
        int firstRefusal = indexOfFirst429(log);
        List<LoggedRequest> window = log.subList(firstRefusal, log.size());
        double windowSeconds = Duration.between(window.get(0).at(), window.get(window.size() - 1).at()).toNanos()
                / 1e9;
        long delivered = window.stream().filter(LoggedRequest::delivered).count();
        assertThat(windowSeconds).isGreaterThan(3);
        assertThat(delivered / windowSeconds).as("delivered %d in %.2f s", delivered, windowSeconds)
                .isBetween(0.95 * limit, 1.05 * limit);
    }

    private static int indexOfFirst429(List<LoggedRequest> log) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).status() == 429) {
                return i;
            }
        }
        throw new AssertionError("no 429 in " + log.size() + " requests");
    }
}
