package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the page reads over HTTP: its files, the event stream, users, files by id, extensions. */
class PageApiTest {
    private static final String TOKEN = Tokens.token(7_300_001);

    private final ObjectMapper mapper = new ObjectMapper();
    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private RawBotApi api;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited())
                .route("/extra/", new StaticFiles("org/luvhive/testkit/telegram/web", "/extra/", mapper))
                .pageExtension("/extra/app.js").build().start();
        bot = emulator.bot(TOKEN);
        api = new RawBotApi(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void thePageAndItsModulesAreServedAndNothingElseOfTheClasspath() {
        RawBotApi.Download page = api.download("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("/ui/app.js");
        assertThat(api.download("/ui/chat-panel.js").contentType()).startsWith("text/javascript");
        assertThat(api.download("/extra/store.js").status()).isEqualTo(200);
        assertThat(api.download("/ui/missing.js").status()).isEqualTo(404);
        assertThat(api.download("/ui/%2E%2E/internal/ApiError.class").status()).isEqualTo(404);
        assertThat(api.download("/ui/org/luvhive/testkit/telegram/internal/ApiError.class").status()).isEqualTo(404);
        assertThat(api.sim("GET", "/ui", null).result().path("extensions").get(0).asText()).isEqualTo("/extra/app.js");
        assertThatThrownBy(() -> TelegramEmulator.builder().route("/sim/mine/", exchange -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramEmulator.builder().route("/botlike/", exchange -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEventStreamStartsWithASnapshotThenTellsEveryChange() throws Exception {
        SimulatedUser alice = bot.newUser("Alice");
        alice.sendCommand("start");
        try (EventStream events = new EventStream(emulator.baseUrl() + "/sim/bots/" + bot.id() + "/events")) {
            JsonNode snapshot = events.next();
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("users").get(0).path("user").path("first_name").asText()).isEqualTo("Alice");
            JsonNode start = snapshot.path("users").get(0).path("messages").get(0);
            assertThat(start.path("message").path("text").asText()).isEqualTo("/start");

            api.json(TOKEN, "setMyCommands", "{\"commands\":[{\"command\":\"find\",\"description\":\"Find\"}]}");
            assertThat(events.next().path("commands").get(0).path("command").asText()).isEqualTo("find");
            RawBotApi.Reply sent = api.json(TOKEN, "sendMessage", "{\"chat_id\":" + alice.id()
                    + ",\"text\":\"<b>Hi</b> /find\",\"parse_mode\":\"HTML\",\"reply_markup\":{\"inline_keyboard\":"
                    + "[[{\"text\":\"Go\",\"callback_data\":\"go\"}]]}}");
            JsonNode added = events.next();
            assertThat(added.path("type").asText()).isEqualTo("message");
            assertThat(added.path("entry").path("from_bot").asBoolean()).isTrue();
            assertThat(added.path("entry").path("message").path("entities").toString())
                    .contains("\"type\":\"bold\"").contains("\"type\":\"bot_command\"");
            long version = added.path("entry").path("version").asLong();
            assertThat(version).isGreaterThan(start.path("version").asLong());

            ButtonPress press = alice.press(alice.received().get(0), "go");
            api.json(TOKEN, "answerCallbackQuery", "{\"callback_query_id\":\"" + press.queryId()
                    + "\",\"text\":\"Done\"}");
            JsonNode answer = events.next();
            assertThat(answer.path("type").asText()).isEqualTo("callback_answer");
            assertThat(answer.path("answer").path("text").asText()).isEqualTo("Done");

            api.json(TOKEN, "deleteMessage", "{\"chat_id\":" + alice.id() + ",\"message_id\":"
                    + sent.result().path("message_id").asInt() + "}");
            JsonNode deleted = events.next();
            assertThat(deleted.path("deleted").asBoolean()).isTrue();
            assertThat(deleted.path("version").asLong()).isGreaterThan(version);

            alice.blockBot();
            JsonNode blocked = events.next();
            assertThat(blocked.path("type").asText()).isEqualTo("user");
            assertThat(blocked.path("user").path("blocked").asBoolean()).isTrue();
        }
    }

    @Test
    void usersAreListedAndTheirFilesServedWithoutTheBotsToken() {
        SimulatedUser alice = bot.newUser("Alice");
        bot.newUser(4242, "Bob", "de");
        String photo = alice.sendPhoto().fileId().orElseThrow();

        JsonNode users = api.sim("GET", "/bots/" + bot.id() + "/users", null).result();
        assertThat(users).hasSize(2);
        assertThat(users.get(0).path("first_name").asText()).isEqualTo("Bob");
        assertThat(users.get(1).path("blocked").asBoolean()).isFalse();
        RawBotApi.Download image = api.download("/sim/bots/" + bot.id() + "/files/" + photo);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.body()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(api.download("/sim/bots/" + bot.id() + "/files/nothing").status()).isEqualTo(404);
    }

    /** Reads a server-sent event stream line by line on its own thread. */
    private final class EventStream implements AutoCloseable {
        private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        EventStream(String url) {
            response = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(lines -> lines.body().filter(line -> line.startsWith("data: "))
                    .forEach(line -> data.add(line.substring("data: ".length()))));
        }

        JsonNode next() throws InterruptedException, IOException {
            String event = data.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("an event within 5 s").isNotNull();
            return mapper.readTree(event);
        }

        @Override
        public void close() {
            response.thenAccept(lines -> lines.body().close());
        }
    }
}
