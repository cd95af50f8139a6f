package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the emulator diverged from the Bot API for a client nobody here wrote: requests
 * shaped exactly as grammY sends them, and the answers compared with telegram-bot-api's
 * own texts (Client.cpp).
 */
class GrammyFidelityTest {
    private static final String TOKEN = Tokens.token(7_100_001);
    /** Bytes a text decoder would mangle: CR LF, a dash pair, NUL, and bytes above 0x7F. */
    private static final byte[] BINARY = {(byte) 0xFF, (byte) 0xD8, 13, 10, '-', '-', 0, (byte) 0xC3, (byte) 0x28,
        (byte) 0x80, 13, 10, 13, 10, (byte) 0xFE};

    private TelegramEmulator emulator;
    private EmulatedBot bot;
    private RawBotApi api;
    private SimulatedUser alice;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        bot = emulator.bot(TOKEN);
        api = new RawBotApi(emulator.baseUrl());
        alice = bot.newUser("Alice");
        alice.sendCommand("start");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void anUploadReferencedWithAttachIsStoredAndDownloadedByteForByte() {
        GrammyForm form = new GrammyForm().field("chat_id", String.valueOf(alice.id()))
                .field("photo", "attach://q8w7e6r5t4y3u2i1").field("caption", "from grammY")
                .file("q8w7e6r5t4y3u2i1", "photo.jpg", BINARY);

        RawBotApi.Reply sent = api.multipart(TOKEN, "sendPhoto", form.boundary(), form.body());

        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        JsonNode largest = sent.result().path("photo").get(2);
        assertThat(sent.result().path("caption").asText()).isEqualTo("from grammY");
        assertThat(largest.path("file_size").asInt()).isEqualTo(BINARY.length);
        RawBotApi.Reply file = api.json(TOKEN, "getFile", "{\"file_id\":\"" + largest.path("file_id").asText() + "\"}");
        String path = file.result().path("file_path").asText();
        assertThat(path).startsWith("photos/").endsWith(".jpg");
        assertThat(file.result().path("file_unique_id").asText()).isEqualTo(largest.path("file_unique_id").asText());
        RawBotApi.Download download = api.download("/file/bot" + TOKEN + "/" + path);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(BINARY);
        assertThat(alice.awaitMessage(Duration.ofSeconds(1)).mediaKind()).contains(MediaKind.PHOTO);
    }

    @Test
    void anyFileParameterMayPointAtAnyPartAndAMissingPartIsNamedAsTelegramDoes() {
        GrammyForm document = new GrammyForm().field("chat_id", String.valueOf(alice.id()))
                .field("document", "attach://d0c").file("d0c", "notes.txt", "hello".getBytes());
        RawBotApi.Reply sent = api.multipart(TOKEN, "sendDocument", document.boundary(), document.body());
        assertThat(sent.result().path("document").path("file_name").asText()).isEqualTo("notes.txt");

        GrammyForm videoNote = new GrammyForm().field("chat_id", String.valueOf(alice.id()))
                .field("video_note", "attach://absent").file("present", "v.mp4", BINARY);
        RawBotApi.Reply missing = api.multipart(TOKEN, "sendVideoNote", videoNote.boundary(), videoNote.body());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.description()).isEqualTo("Bad Request: there is no video note in the request");
    }

    @Test
    void sendMediaGroupTakesUploadsAndFileIdsAndAnswersWithOneAlbum() {
        String knownPhoto = alice.sendPhoto().fileId().orElseThrow();
        GrammyForm form = new GrammyForm().field("chat_id", String.valueOf(alice.id()))
                .field("media", "[{\"type\":\"photo\",\"media\":\"attach://one\",\"caption\":\"first\"},"
                        + "{\"type\":\"video\",\"media\":\"attach://two\"},"
                        + "{\"type\":\"photo\",\"media\":\"" + knownPhoto + "\"}]")
                .file("one", "a.jpg", BINARY).file("two", "b.mp4", new byte[] {1, 2, 3});

        RawBotApi.Reply album = api.multipart(TOKEN, "sendMediaGroup", form.boundary(), form.body());

        assertThat(album.status()).as(album.body().toString()).isEqualTo(200);
        assertThat(album.result()).hasSize(3);
        String groupId = album.result().get(0).path("media_group_id").asText();
        assertThat(groupId).matches("\\d+");
        assertThat(album.result()).allSatisfy(message ->
                assertThat(message.path("media_group_id").asText()).isEqualTo(groupId));
        assertThat(album.result().get(0).path("caption").asText()).isEqualTo("first");
        assertThat(album.result().get(1).path("video").path("file_size").asInt()).isEqualTo(3);
        assertThat(album.result().get(2).path("photo").get(2).path("file_id").asText()).isEqualTo(knownPhoto);
        assertThat(alice.received()).hasSize(3);
    }

    @Test
    void sendMediaGroupRefusesWhatTdlibRefuses() {
        String chat = String.valueOf(alice.id());
        String photo = "{\"type\":\"photo\",\"media\":\"https://example.org/p.jpg\"}";
        assertThat(mediaGroup(chat, "[" + String.join(",", java.util.Collections.nCopies(11, photo)) + "]"))
                .isEqualTo("Bad Request: too much messages to send as an album");
        assertThat(mediaGroup(chat, "[]")).isEqualTo("Bad Request: there are no messages to send");
        assertThat(mediaGroup(chat, "[" + photo + ",{\"type\":\"document\",\"media\":\"https://example.org/d\"}]"))
                .isEqualTo("Bad Request: document can't be mixed with other media types");
        assertThat(mediaGroup(chat, "[{\"type\":\"animation\",\"media\":\"https://example.org/a.mp4\"}]"))
                .isEqualTo("Bad Request: can't parse InputMedia: type \"animation\" can't be used in sendMediaGroup");
        assertThat(mediaGroup(chat, "[{\"type\":\"photo\",\"media\":\"attach://nothing\"}]"))
                .isEqualTo("Bad Request: can't parse InputMedia: media not found");
        assertThat(mediaGroup(chat, "{}")).isEqualTo("Bad Request: expected an Array of InputMedia");
        assertThat(alice.received()).isEmpty();
    }

    private String mediaGroup(String chatId, String media) {
        GrammyForm form = new GrammyForm().field("chat_id", chatId).field("media", media);
        return api.multipart(TOKEN, "sendMediaGroup", form.boundary(), form.body()).description();
    }

    @Test
    void aParkedGetUpdatesEndedBySetWebhookGetsTelegramsConflictText() throws Exception {
        CompletableFuture<RawBotApi.Reply> poll = CompletableFuture.supplyAsync(() ->
                api.json(TOKEN, "getUpdates", "{\"offset\":100000099,\"timeout\":10}"));
        await().atMost(Duration.ofSeconds(5)).until(bot::isLongPolling);

        api.json(TOKEN, "setWebhook", "{\"url\":\"http://127.0.0.1:9/hook\"}");

        RawBotApi.Reply ended = poll.get();
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.description()).isEqualTo("Conflict: terminated by setWebhook request");
        assertThat(api.json(TOKEN, "getUpdates", "{}").description()).isEqualTo("Conflict: can't use getUpdates "
                + "method while webhook is active; use deleteWebhook to delete the webhook first");
    }

    @Test
    void getMeCarriesEveryFieldTelegramAlwaysSendsABot() {
        JsonNode me = api.json(TOKEN, "getMe", "{}").result();

        for (String field : List.of("can_join_groups", "can_read_all_group_messages", "supports_inline_queries",
                "supports_guest_queries", "can_connect_to_business", "has_main_web_app", "has_topics_enabled",
                "allows_users_to_create_topics", "can_manage_bots")) {
            assertThat(me.path(field).isBoolean()).as(field).isTrue();
        }
    }

    @Test
    void setWebhookIsAlreadySetOnlyWhenNothingButAllowedUpdatesChanged() {
        String hook = "\"url\":\"http://127.0.0.1:9/hook\"";
        assertThat(setWebhook("{" + hook + ",\"secret_token\":\"first\"}")).isEqualTo("Webhook was set");
        assertThat(setWebhook("{" + hook + ",\"secret_token\":\"first\",\"allowed_updates\":[\"message\"]}"))
                .isEqualTo("Webhook is already set");
        assertThat(setWebhook("{" + hook + ",\"secret_token\":\"second\"}")).isEqualTo("Webhook was set");
        assertThat(setWebhook("{" + hook + ",\"secret_token\":\"second\",\"max_connections\":5}"))
                .isEqualTo("Webhook was set");
        assertThat(setWebhook("{" + hook + ",\"secret_token\":\"second\",\"max_connections\":5,"
                + "\"drop_pending_updates\":true}")).isEqualTo("Webhook was set");
        assertThat(setWebhook("{" + hook + ",\"max_connections\":5}")).isEqualTo("Webhook was set");
        assertThat(setWebhook("{" + hook + ",\"secret_token\":\"" + "s".repeat(257) + "\"}"))
                .isEqualTo("Bad Request: secret token is too long");
        assertThat(bot.webhookStatus().maxConnections()).isEqualTo(5);
    }

    private String setWebhook(String json) {
        return api.json(TOKEN, "setWebhook", json).description();
    }

    @Test
    void getFileServesWhatSimulatedUsersSendAndRefusesUnknownIds() {
        JsonNode photo = alice.sendPhoto().json().path("photo").get(2);
        JsonNode sticker = alice.sendSticker().json().path("sticker");

        RawBotApi.Download jpeg = download(photo.path("file_id").asText());
        assertThat(jpeg.body()).hasSize(photo.path("file_size").asInt()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
        assertThat(download(sticker.path("file_id").asText()).body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N');

        assertThat(api.json(TOKEN, "getFile", "{\"file_id\":\"nope\"}").description())
                .isEqualTo("Bad Request: invalid file_id");
        assertThat(api.json(TOKEN, "getFile", "{}").description()).isEqualTo("Bad Request: file_id not specified");
        assertThat(api.download("/file/bot" + TOKEN + "/photos/none.jpg").status()).isEqualTo(404);
        assertThat(api.download("/file/bot" + Tokens.token(9) + "/photos/none.jpg").status()).isEqualTo(401);
    }

    private RawBotApi.Download download(String fileId) {
        String path = api.json(TOKEN, "getFile", "{\"file_id\":\"" + fileId + "\"}").result().path("file_path").asText();
        return api.download("/file/bot" + TOKEN + "/" + path);
    }

    @Test
    void deleteMessagesSkipsIdsItCannotFindAndChecksTheList() {
        ChatMessage first = alice.sendText("one");
        ChatMessage second = alice.sendText("two");
        String chat = "\"chat_id\":" + alice.id();

        RawBotApi.Reply deleted = api.json(TOKEN, "deleteMessages", "{" + chat + ",\"message_ids\":["
                + first.messageId() + ",\"" + second.messageId() + "\",999]}");

        assertThat(deleted.result().asBoolean()).isTrue();
        assertThat(alice.history()).extracting(ChatMessage::messageId).doesNotContain(first.messageId(),
                second.messageId());
        assertThat(api.json(TOKEN, "deleteMessages", "{" + chat + ",\"message_ids\":[]}").description())
                .isEqualTo("Bad Request: message identifiers are not specified");
        assertThat(api.json(TOKEN, "deleteMessages", "{" + chat + "}").description())
                .isEqualTo("Bad Request: message identifiers are not specified");
        assertThat(api.json(TOKEN, "deleteMessages", "{" + chat + ",\"message_ids\":["
                + "1,".repeat(100) + "1]}").description()).isEqualTo("Bad Request: too many message identifiers specified");
        assertThat(api.json(TOKEN, "deleteMessages", "{" + chat + ",\"message_ids\":[0]}").description())
                .isEqualTo("Bad Request: invalid message identifier specified");
    }

    @Test
    void setMessageReactionTakesOneListedEmojiAndShowsIt() {
        ChatMessage hello = alice.sendText("hello");
        String target = "\"chat_id\":" + alice.id() + ",\"message_id\":" + hello.messageId();

        assertThat(react(target, "[{\"type\":\"emoji\",\"emoji\":\"❤️\"}]")).isEqualTo("ok");
        assertThat(current(hello).reactions()).containsExactly("❤");
        assertThat(react(target, "[{\"type\":\"emoji\",\"emoji\":\"🦆\"}]")).isEqualTo("Bad Request: REACTION_INVALID");
        assertThat(react(target, "[{\"type\":\"emoji\",\"emoji\":\"👍\"},{\"type\":\"emoji\",\"emoji\":\"🔥\"}]"))
                .isEqualTo("Bad Request: REACTIONS_TOO_MANY");
        assertThat(react("\"chat_id\":" + alice.id() + ",\"message_id\":999", "[]"))
                .isEqualTo("Bad Request: message to react not found");
        assertThat(react(target, "[]")).isEqualTo("ok");
        assertThat(current(hello).reactions()).isEmpty();
    }

    private String react(String target, String reaction) {
        RawBotApi.Reply reply = api.json(TOKEN, "setMessageReaction", "{" + target + ",\"reaction\":" + reaction + "}");
        return reply.status() == 200 ? "ok" : reply.description();
    }

    private ChatMessage current(ChatMessage message) {
        return alice.history().stream().filter(candidate -> candidate.messageId() == message.messageId())
                .findFirst().orElseThrow();
    }
}
