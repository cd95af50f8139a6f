package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BotApiBasicsTest {
    private static final String TOKEN = Tokens.token(5_550_001);

    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private RawBotApi api;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        bot = emulator.bot(TOKEN, "luv_test_bot", "LuvHive Test");
        api = new RawBotApi(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void getMeAnswersWithTheTokensIdentityWhateverTheMethodCase() {
        RawBotApi.Reply reply = api.get(TOKEN, "GETME", "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("ok").asBoolean()).isTrue();
        assertThat(reply.result().path("id").asLong()).isEqualTo(5_550_001);
        assertThat(reply.result().path("is_bot").asBoolean()).isTrue();
        assertThat(reply.result().path("username").asText()).isEqualTo("luv_test_bot");
    }

    @Test
    void unknownTokensGet401AndUnknownMethods404() {
        RawBotApi.Reply unknownToken = api.get(Tokens.token(999), "getMe", "");
        RawBotApi.Reply malformed = api.get("not-a-token", "getMe", "");
        RawBotApi.Reply unknownMethod = api.get(TOKEN, "getMeNow", "");

        assertThat(unknownToken.status()).isEqualTo(401);
        assertThat(unknownToken.body().toString())
                .isEqualTo("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(unknownMethod.status()).isEqualTo(404);
        assertThat(unknownMethod.description()).isEqualTo("Not Found");
    }

    @Test
    void newMessageListenersHearEveryMessageOfEveryChatAsItIsStored() {
        List<String> heard = new CopyOnWriteArrayList<>();
        bot.onNewMessage(message -> heard.add(message.chatId() + (message.fromBot() ? " bot: " : " user: ")
                + message.text()));
        SimulatedUser alice = bot.newUser("Alice");
        SimulatedUser bob = bot.newUser("Bob");
        alice.sendText("hi");
        bob.sendText("hello");

        api.get(TOKEN, "sendMessage", "chat_id=" + alice.id() + "&text=welcome");
        api.json(TOKEN, "copyMessage", "{\"chat_id\":" + bob.id() + ",\"from_chat_id\":" + alice.id()
                + ",\"message_id\":1}");

        assertThat(heard).containsExactly(alice.id() + " user: hi", bob.id() + " user: hello",
                alice.id() + " bot: welcome", bob.id() + " bot: hi");
    }

    @Test
    void autoRegistrationAcceptsWellFormedTokensOnly() {
        try (TelegramEmulator sandbox = TelegramEmulator.builder().autoRegisterBots(true).build().start()) {
            RawBotApi sandboxApi = new RawBotApi(sandbox.baseUrl());

            assertThat(sandboxApi.get(Tokens.token(42), "getMe", "").result().path("id").asLong()).isEqualTo(42);
            assertThat(sandboxApi.get("42:short", "getMe", "").status()).isEqualTo(401);
        }
    }

    @Test
    void formGetAndJsonBodiesAreAllAccepted() {
        SimulatedUser alice = bot.newUser("Alice");
        alice.sendCommand("start");

        RawBotApi.Reply form = api.form(TOKEN, "sendmessage", "chat_id=" + alice.id() + "&text=hello%20form");
        RawBotApi.Reply get = api.get(TOKEN, "sendMessage", "chat_id=" + alice.id() + "&text=hello+get");
        RawBotApi.Reply json = api.json(TOKEN, "sendMessage",
                "{\"chat_id\":\"" + alice.id() + "\",\"text\":\"hello json\"}");

        assertThat(form.status()).isEqualTo(200);
        assertThat(get.status()).isEqualTo(200);
        assertThat(json.status()).isEqualTo(200);
        assertThat(alice.received()).extracting(ChatMessage::text)
                .containsExactly("hello form", "hello get", "hello json");
        assertThat(alice.received()).extracting(ChatMessage::messageId).containsExactly(2, 3, 4);
    }

    @Test
    void sendErrorsAreTelegramsErrors() {
        SimulatedUser alice = bot.newUser("Alice");
        SimulatedUser silent = bot.newUser("Silent");
        alice.sendText("hi");

        assertThat(api.json(TOKEN, "sendMessage", "{\"chat_id\":777,\"text\":\"x\"}").description())
                .isEqualTo("Bad Request: chat not found");
        assertThat(api.json(TOKEN, "sendMessage", "{\"chat_id\":" + alice.id() + "}").description())
                .isEqualTo("Bad Request: message text is empty");
        assertThat(api.json(TOKEN, "sendMessage", "{\"chat_id\":" + silent.id() + ",\"text\":\"x\"}").description())
                .isEqualTo("Forbidden: bot can't initiate conversation with a user");
        assertThat(api.json(TOKEN, "sendMessage", "{\"chat_id\":" + alice.id()
                + ",\"text\":\"x\",\"reply_parameters\":{\"message_id\":99}}").description())
                .isEqualTo("Bad Request: message to be replied not found");
        assertThat(api.json(TOKEN, "sendMessage", "{\"chat_id\":" + alice.id()
                + ",\"text\":\"x\",\"reply_parameters\":{\"message_id\":99,\"allow_sending_without_reply\":true}}")
                .status()).isEqualTo(200);
        assertThat(api.json(TOKEN, "copyMessage", "{\"chat_id\":" + alice.id() + ",\"from_chat_id\":"
                + alice.id() + ",\"message_id\":50}").description())
                .isEqualTo("Bad Request: message to copy not found");
        assertThat(api.json(TOKEN, "editMessageText", "{\"chat_id\":" + alice.id()
                + ",\"message_id\":50,\"text\":\"y\"}").description())
                .isEqualTo("Bad Request: message to edit not found");
        assertThat(api.json(TOKEN, "sendMessage", "{\"chat_id\":" + alice.id()
                + ",\"text\":\"<b>bold\",\"parse_mode\":\"HTML\"}").description())
                .startsWith("Bad Request: can't parse entities");
    }

    @Test
    void blockedUsersGet403UntilTheyStartAgain() {
        SimulatedUser alice = bot.newUser("Alice");
        alice.sendCommand("start");
        alice.blockBot();

        RawBotApi.Reply blocked = api.json(TOKEN, "sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"x\"}");
        alice.unblockBot();
        RawBotApi.Reply unblocked = api.json(TOKEN, "sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"x\"}");

        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.description()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(unblocked.status()).isEqualTo(200);
        JsonNode updates = api.json(TOKEN, "getUpdates", "{}").result();
        assertThat(updates).extracting(update -> update.fieldNames().next() + "/" + update.size()).hasSize(4);
        assertThat(updates.get(1).path("my_chat_member").path("new_chat_member").path("status").asText())
                .isEqualTo("kicked");
        assertThat(updates.get(3).path("message").path("text").asText()).isEqualTo("/start");
    }

    @Test
    void sendsMediaByFileIdAndRejectsUnknownIds() {
        SimulatedUser alice = bot.newUser("Alice");
        ChatMessage photo = alice.sendPhoto("look");

        RawBotApi.Reply resent = api.json(TOKEN, "sendPhoto", "{\"chat_id\":" + alice.id() + ",\"photo\":\""
                + photo.fileId().orElseThrow() + "\",\"caption\":\"back\"}");
        RawBotApi.Reply unknown = api.json(TOKEN, "sendPhoto", "{\"chat_id\":" + alice.id()
                + ",\"photo\":\"nope\"}");

        assertThat(resent.status()).isEqualTo(200);
        assertThat(alice.awaitMessage(java.time.Duration.ofSeconds(1)).fileId()).isEqualTo(photo.fileId());
        assertThat(unknown.description()).isEqualTo("Bad Request: wrong file identifier/HTTP URL specified");
    }

    @Test
    void aSpoilerCoversPhotosVideosAndAnimationsOnlyAndSurvivesACopy() {
        SimulatedUser bob = bot.newUser("Bob");
        ChatMessage photo = bob.sendPhoto("hidden");
        ChatMessage voice = bob.sendVoice();

        RawBotApi.Reply covered = api.json(TOKEN, "sendPhoto", "{\"chat_id\":" + bob.id() + ",\"photo\":\""
                + photo.fileId().orElseThrow() + "\",\"has_spoiler\":true}");
        RawBotApi.Reply plain = api.json(TOKEN, "sendPhoto", "{\"chat_id\":" + bob.id() + ",\"photo\":\""
                + photo.fileId().orElseThrow() + "\"}");
        RawBotApi.Reply notAPicture = api.json(TOKEN, "sendVoice", "{\"chat_id\":" + bob.id() + ",\"voice\":\""
                + voice.fileId().orElseThrow() + "\",\"has_spoiler\":true}");
        RawBotApi.Reply copy = api.json(TOKEN, "copyMessage", "{\"chat_id\":" + bob.id() + ",\"from_chat_id\":"
                + bob.id() + ",\"message_id\":" + covered.result().path("message_id").asInt() + "}");

        assertThat(covered.result().path("has_media_spoiler").asBoolean()).isTrue();
        assertThat(plain.result().has("has_media_spoiler")).isFalse();
        assertThat(notAPicture.result().has("has_media_spoiler")).isFalse();
        assertThat(bob.received()).filteredOn(message -> message.messageId() == copy.result().path("message_id").asInt())
                .singleElement().satisfies(message -> assertThat(message.hasMediaSpoiler()).isTrue());
    }
}
