package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetUpdatesTest {
    private static final String TOKEN = Tokens.token(8_100_001);

    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private RawBotApi api;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().build().start();
        bot = emulator.bot(TOKEN);
        api = new RawBotApi(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void updatesStayUntilALaterOffsetConfirmsThem() {
        SimulatedUser alice = bot.newUser("Alice");
        alice.sendText("a");
        alice.sendText("b");
        alice.sendText("c");

        JsonNode first = api.json(TOKEN, "getUpdates", "{\"limit\":2}").result();
        JsonNode again = api.json(TOKEN, "getUpdates", "{}").result();
        long secondId = first.get(1).path("update_id").asLong();
        JsonNode rest = api.json(TOKEN, "getUpdates", "{\"offset\":" + (secondId + 1) + "}").result();

        assertThat(first).hasSize(2);
        assertThat(again).hasSize(3);
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).path("update_id").asLong()).isEqualTo(secondId + 1);
        assertThat(rest.get(0).path("message").path("text").asText()).isEqualTo("c");
        assertThat(bot.pendingUpdateCount()).isEqualTo(1);
    }

    @Test
    void aLongPollReturnsAsSoonAsAnUpdateArrives() {
        CompletableFuture<RawBotApi.Reply> poll = CompletableFuture.supplyAsync(
                () -> api.json(TOKEN, "getUpdates", "{\"timeout\":10}"));
        org.awaitility.Awaitility.await().until(bot::isLongPolling);

        bot.newUser("Alice").sendText("wake up");

        RawBotApi.Reply reply = poll.join();
        assertThat(reply.result()).hasSize(1);
        assertThat(reply.result().get(0).path("message").path("text").asText()).isEqualTo("wake up");
    }

    @Test
    void aSecondPollTerminatesTheFirstWith409() {
        CompletableFuture<RawBotApi.Reply> first = CompletableFuture.supplyAsync(
                () -> api.json(TOKEN, "getUpdates", "{\"timeout\":10}"));
        org.awaitility.Awaitility.await().until(bot::isLongPolling);

        RawBotApi.Reply second = api.json(TOKEN, "getUpdates", "{\"timeout\":0}");

        assertThat(second.status()).isEqualTo(200);
        assertThat(first.join().status()).isEqualTo(409);
        assertThat(first.join().description()).isEqualTo(
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    }

    @Test
    void allowedUpdatesFiltersLaterUpdates() {
        api.json(TOKEN, "getUpdates", "{\"allowed_updates\":[\"callback_query\"]}");
        SimulatedUser alice = bot.newUser("Alice");

        alice.sendText("not wanted");

        assertThat(api.json(TOKEN, "getUpdates", "{}").result()).isEmpty();
    }

    @Test
    void rawUpdatesGoOutExactlyAsWrittenInTurnWithTheOthers() {
        bot.newUser("Alice").sendText("before");
        int nul = bot.injectRawUpdate("message", "{\"update_id\":${update_id},\"message\":{\"message_id\":9,"
                + "\"date\":1,\"chat\":{\"id\":7,\"type\":\"private\"},\"text\":\"a\\u0000b\"}}");
        bot.injectRawUpdate("message", "null");
        int filtered = bot.injectRawUpdate("chat_member", "{\"update_id\":${update_id}}");

        JsonNode result = api.json(TOKEN, "getUpdates", "{}").result();

        assertThat(filtered).as("not wanted by default").isZero();
        assertThat(result).hasSize(3);
        assertThat(result.get(1).path("update_id").asInt()).isEqualTo(nul);
        assertThat(result.get(1).path("message").path("text").asText()).isEqualTo("a\u0000b");
        assertThat(result.get(2).isNull()).isTrue();
        assertThat(api.json(TOKEN, "getUpdates", "{\"offset\":" + (nul + 2) + "}").result()).isEmpty();
    }
}
