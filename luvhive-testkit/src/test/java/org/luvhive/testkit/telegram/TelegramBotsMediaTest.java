package org.luvhive.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.reactions.SetMessageReaction;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.reactions.ReactionTypeEmoji;

/** Albums, file downloads, bulk deletion and reactions through the unmodified TelegramBots 9 client. */
class TelegramBotsMediaTest {
    private static final String TOKEN = Tokens.token(7_200_001);

    private TelegramEmulator emulator;
    private OkHttpTelegramClient client;
    private RawBotApi raw;
    private SimulatedUser alice;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.builder().limits(EmulatorLimits.unlimited()).build().start();
        EmulatedBot bot = emulator.bot(TOKEN);
        client = new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false));
        raw = new RawBotApi(emulator.baseUrl());
        alice = bot.newUser("Alice");
        alice.sendCommand("start");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void anAlbumOfUploadsArrivesAsOneGroupAndItsFilesDownloadAsSent() throws Exception {
        byte[] first = {1, 2, 3, 4};
        byte[] second = {(byte) 0xFF, 0, 13, 10};
        List<Message> album = client.execute(SendMediaGroup.builder().chatId(alice.id())
                .media(new InputMediaPhoto(new ByteArrayInputStream(first), "first.jpg"))
                .media(new InputMediaPhoto(new ByteArrayInputStream(second), "second.jpg"))
                .build());

        assertThat(album).hasSize(2);
        assertThat(album.get(0).getMediaGroupId()).isNotBlank().isEqualTo(album.get(1).getMediaGroupId());
        File file = client.execute(new GetFile(album.get(1).getPhoto().get(2).getFileId()));
        assertThat(file.getFileSize()).isEqualTo(second.length);
        assertThat(raw.download("/file/bot" + TOKEN + "/" + file.getFilePath()).body()).isEqualTo(second);
        assertThat(alice.received()).extracting(message -> message.json().path("media_group_id").asText())
                .containsOnly(album.get(0).getMediaGroupId());
    }

    @Test
    void reactionsShowOnTheMessageAndDeletedMessagesLeaveTheChat() throws Exception {
        ChatMessage hello = alice.sendText("hello");
        Message photo = client.execute(SendPhoto.builder().chatId(alice.id())
                .photo(new InputFile(new ByteArrayInputStream(new byte[] {9}), "p.jpg")).build());

        assertThat(client.execute(SetMessageReaction.builder().chatId(alice.id()).messageId(hello.messageId())
                .reactionTypes(List.of(ReactionTypeEmoji.builder().emoji("👍").build())).build())).isTrue();
        assertThat(alice.history().get(1).reactions()).containsExactly("👍");

        assertThat(client.execute(DeleteMessages.builder().chatId(alice.id())
                .messageIds(List.of(hello.messageId(), photo.getMessageId())).build())).isTrue();
        assertThat(alice.history()).extracting(ChatMessage::messageId).containsExactly(1);
    }
}
