package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /sim control API, as a script would drive it. */
class SimHttpApiTest {
    private static final String TOKEN = Tokens.token(9_300_001);

    private TelegramEmulator emulator;
    private RawBotApi api;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().autoRegisterBots(true).build().start();
        api = new RawBotApi(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aScriptCanPlayAUserAgainstTheBot() {
        assertThat(api.sim("POST", "/bots", "{\"token\":\"" + TOKEN + "\"}").result().path("id").asLong())
                .isEqualTo(9_300_001);
        long userId = api.sim("POST", "/bots/9300001/users", "{\"first_name\":\"Alice\"}").result().path("id")
                .asLong();
        JsonNode sent = api.sim("POST", "/bots/9300001/users/" + userId + "/send", "{\"command\":\"start\"}")
                .result();
        assertThat(sent.path("text").asText()).isEqualTo("/start");

        JsonNode update = api.json(TOKEN, "getUpdates", "{}").result().get(0);
        assertThat(update.path("message").path("from").path("id").asLong()).isEqualTo(userId);
        api.json(TOKEN, "sendMessage", "{\"chat_id\":" + userId + ",\"text\":\"Welcome!\",\"reply_markup\":"
                + "{\"inline_keyboard\":[[{\"text\":\"Go\",\"callback_data\":\"go\"}]]}}");

        JsonNode awaited = api.sim("GET", "/bots/9300001/users/" + userId + "/await?timeout_ms=2000&contains=Welcome",
                null).result();
        assertThat(awaited.path("text").asText()).isEqualTo("Welcome!");
        JsonNode pressed = api.sim("POST", "/bots/9300001/users/" + userId + "/press",
                "{\"message_id\":" + awaited.path("message_id").asInt() + ",\"callback_data\":\"go\"}").result();
        assertThat(pressed.path("callback_query_id").asText()).isNotEmpty();
        assertThat(api.sim("GET", "/bots/9300001/users/" + userId + "/messages", null).result()).hasSize(1);
        assertThat(api.sim("GET", "/bots/9300001/users/" + userId + "/messages?all=1", null).result()).hasSize(2);
    }

    @Test
    void faultsLimitsAndCountersOverHttp() {
        api.sim("POST", "/bots", "{\"token\":\"" + TOKEN + "\"}");
        api.sim("POST", "/bots/9300001/faults", "{\"method\":\"getMe\",\"error_code\":429,\"retry_after\":3}");

        RawBotApi.Reply injected = api.get(TOKEN, "getMe", "");
        assertThat(injected.status()).isEqualTo(429);
        assertThat(injected.body().path("parameters").path("retry_after").asInt()).isEqualTo(3);

        JsonNode limits = api.sim("POST", "/bots/9300001/limits", "{\"global_per_second\":5,\"global_burst\":5}")
                .result();
        assertThat(limits.path("global_per_second").asDouble()).isEqualTo(5.0);
        JsonNode stats = api.sim("GET", "/bots/9300001/stats", null).result();
        assertThat(stats.path("callsByMethod").path("getMe").asLong()).isEqualTo(1);
        assertThat(stats.path("tooManyRequests").asLong()).isEqualTo(1);
        assertThat(api.sim("GET", "/bots/9300001/requests", null).result()).hasSize(1);
        assertThat(api.sim("GET", "/bots/9300001/webhook", null).result().path("url").asText()).isEmpty();
    }

    @Test
    void badRoutesAndTimeoutsAreReported() {
        api.sim("POST", "/bots", "{\"token\":\"" + TOKEN + "\"}");
        long userId = api.sim("POST", "/bots/9300001/users", "{\"first_name\":\"Alice\"}").result().path("id")
                .asLong();

        assertThat(api.sim("GET", "/nothing", null).status()).isEqualTo(404);
        assertThat(api.sim("GET", "/bots/9300001/users/" + userId + "/await?timeout_ms=100", null).status())
                .isEqualTo(408);
        assertThat(api.sim("POST", "/bots/9300001/users/" + userId + "/send", "{}").status()).isEqualTo(400);
    }
}
