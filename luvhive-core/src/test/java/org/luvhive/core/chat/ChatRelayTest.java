package org.luvhive.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness.Sent;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.bot.Updates;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class ChatRelayTest {

    private static final List<String> EVERY_KIND = List.of(
            "\"text\": \"hello\"",
            "\"photo\": [{\"file_id\": \"p\", \"file_unique_id\": \"pu\", \"width\": 1, \"height\": 1}], \"caption\": \"pic\"",
            "\"video\": {\"file_id\": \"v\", \"file_unique_id\": \"vu\", \"width\": 1, \"height\": 1, \"duration\": 1}",
            "\"animation\": {\"file_id\": \"a\", \"file_unique_id\": \"au\", \"width\": 1, \"height\": 1, \"duration\": 1}, "
                    + "\"document\": {\"file_id\": \"a\", \"file_unique_id\": \"au\"}",
            "\"sticker\": {\"file_id\": \"s\", \"file_unique_id\": \"su\", \"type\": \"regular\", \"width\": 1, "
                    + "\"height\": 1, \"is_animated\": false, \"is_video\": false}",
            "\"voice\": {\"file_id\": \"vo\", \"file_unique_id\": \"vou\", \"duration\": 1}",
            "\"video_note\": {\"file_id\": \"vn\", \"file_unique_id\": \"vnu\", \"length\": 1, \"duration\": 1}",
            "\"audio\": {\"file_id\": \"au\", \"file_unique_id\": \"auu\", \"duration\": 1}",
            "\"document\": {\"file_id\": \"d\", \"file_unique_id\": \"du\"}",
            "\"location\": {\"latitude\": 52.5, \"longitude\": 13.4}",
            "\"contact\": {\"phone_number\": \"+100\", \"first_name\": \"C\"}");

    @org.junit.jupiter.api.BeforeEach
    void emptyTables() {
        bot.reset();
    }

    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    ChatRelayTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of()));
    }

    private void pair(long first, long second) {
        bot.createUser(first, "male", 30, "Berlin");
        bot.createUser(second, "female", 28, "Berlin");
        bot.text(first, "/find");
        assertThat(bot.lastText(first)).contains("Searching");
        bot.text(second, "/find");
        assertThat(bot.partnerOf(first)).isEqualTo(second);
        assertThat(bot.partnerOf(second)).isEqualTo(first);
        assertThat(bot.lastText(first)).contains("Partner found");
        assertThat(bot.lastText(second)).contains("Partner found");
    }

    private List<Sent> copies(long chatId) {
        return bot.sent(chatId).stream().filter(sent -> sent.method().equals("copymessage")).toList();
    }

    @Test
    void everyKindIsCopiedNeverForwardedAndUnsupportedKindsAreExplained() {
        pair(201, 202);
        for (String kind : EVERY_KIND) {
            bot.message(201, kind);
        }
        long chatId = bot.count("select chat_id from chat_members where user_id = 201 and active");
        assertThat(bot.lastText(202)).contains("Allow media in this chat?");
        bot.tap(202, "media:" + chatId + ":allow");
        List<Sent> copies = copies(202);
        assertThat(copies).hasSize(EVERY_KIND.size() - 4);
        assertThat(copies).allSatisfy(copy -> {
            assertThat(copy.payload().path("from_chat_id").asText()).isEqualTo("201");
            assertThat(copy.payload().path("chat_id").asText()).isEqualTo("202");
        });
        List<Sent> resent = bot.sent(202).stream().filter(sent -> sent.method().matches(
                "sendphoto|sendvideo|sendanimation|sendvideonote")).toList();
        assertThat(resent).extracting(Sent::method).as("photos, videos, GIFs and video notes waited for consent")
                .containsExactly("sendphoto", "sendvideo", "sendanimation", "sendvideonote");
        assertThat(resent).extracting(sent -> sent.payload().path("has_spoiler").asBoolean())
                .as("blurred, but a video note cannot be").containsExactly(true, true, true, false);
        assertThat(resent.get(0).payload().path("photo").asText()).isEqualTo("p");
        assertThat(resent.get(0).payload().path("caption").asText()).isEqualTo("pic");
        assertThat(bot.count("select count(*) from outbox where method = 'forwardmessage'")).isZero();
        assertThat(bot.count("select count(*) from outbox where chat_id = 202 and method <> 'sendmessage' "
                + "and method <> 'answercallbackquery' and method <> 'editmessagereplymarkup' and priority = 0"))
                .isEqualTo(EVERY_KIND.size());

        bot.message(201, "\"dice\": {\"emoji\": \"🎲\", \"value\": 3}");
        assertThat(bot.lastText(201)).contains("can't be passed on");
        assertThat(copies(202)).hasSize(EVERY_KIND.size() - 4);
    }

    @Test
    void repliesStayRepliesAndEditsReachTheCopy() {
        pair(203, 204);
        int hello = bot.text(203, "hello");
        bot.deliverAll();
        int helloCopyId = (int) bot.count("select copy_message_id from relayed_messages where source_message_id = "
                + hello + " and sender_id = 203");

        int answer = bot.message(204, "\"text\": \"hi back\", \"reply_to_message\": {\"message_id\": " + helloCopyId
                + ", \"date\": 1764410000, \"chat\": {\"id\": 204, \"type\": \"private\"}, \"text\": \"hello\"}");
        Sent reply = copies(203).get(0);
        assertThat(reply.payload().path("reply_parameters").path("message_id").asInt()).isEqualTo(hello);
        assertThat(reply.payload().path("chat_id").asText()).isEqualTo("203");
        bot.deliverAll();

        bot.edit(203, hello, "\"text\": \"hello there\"");
        Sent edit = bot.last(204, "editmessagetext").orElseThrow();
        assertThat(edit.payload().path("message_id").asInt()).isEqualTo(helloCopyId);
        assertThat(edit.payload().path("text").asText()).isEqualTo("hello there");

        long chatId = bot.count("select chat_id from chat_members where user_id = 204 and active");
        bot.message(204, "\"video_note\": {\"file_id\": \"n\", \"file_unique_id\": \"nu\", \"length\": 1, "
                + "\"duration\": 1}");
        bot.tap(203, "media:" + chatId + ":allow"); // consent-first media: 203 lets 204's media through
        int photo = bot.message(204, "\"photo\": [{\"file_id\": \"p\", \"file_unique_id\": \"pu\", \"width\": 1, "
                + "\"height\": 1}], \"caption\": \"old\"");
        bot.deliverAll();
        bot.edit(204, photo, "\"photo\": [{\"file_id\": \"p\", \"file_unique_id\": \"pu\", \"width\": 1, "
                + "\"height\": 1}], \"caption\": \"new caption\"");
        assertThat(bot.last(203, "editmessagecaption").orElseThrow().payload().path("caption").asText())
                .isEqualTo("new caption");
        assertThat(answer).isPositive();
    }

    @Test
    void stopAndNextTellThePartnerAndOfferRatingsOnce() {
        pair(205, 206);
        bot.text(205, "/stop");
        assertThat(bot.partnerOf(205)).isZero();
        assertThat(bot.partnerOf(206)).isZero();
        assertThat(bot.lastText(206)).contains("partner left");
        Sent ratingPrompt = bot.last(205, "sendmessage").orElseThrow();
        long chatId = bot.count("select max(id) from chats");
        assertThat(ratingPrompt.hasButton("rate:" + chatId + ":up")).isTrue();

        bot.tap(205, "rate:" + chatId + ":up");
        bot.tap(205, "rate:" + chatId + ":down");
        bot.tap(206, "rate:" + chatId + ":down");
        assertThat(bot.count("select count(*) from ratings")).isEqualTo(2);
        assertThat(bot.count("select value from ratings where rater_id = 205")).isEqualTo(1);

        bot.text(205, "still there?");
        assertThat(bot.lastText(205)).contains("not in a chat");
        bot.message(205, EVERY_KIND.get(5));
        assertThat(bot.lastText(205)).as("a sticker is told the same, in words").contains("not in a chat");
        assertThat(copies(206)).isEmpty();
    }

    @Test
    void nextSearchesAgainAndTheLastPartnerIsNotRematchedAtOnce() {
        pair(207, 208);
        bot.text(207, "/next");
        assertThat(bot.lastText(208)).contains("partner left");
        assertThat(bot.partnerOf(207)).isZero();
        bot.text(208, "/find");
        assertThat(bot.partnerOf(207)).isZero();
        bot.createUser(209, "female", 25, "Hamburg");
        bot.text(209, "/find");
        assertThat(bot.partnerOf(209)).isEqualTo(207);

        bot.text(209, "/stop");
        clock.advance(FeatureSettings.DEFAULT_REMATCH_COOLDOWN.plus(Duration.ofSeconds(1)));
        assertThat(bot.logic().maintenance()).anySatisfy(task -> assertThat(task.name()).isEqualTo("match-sweep"));
        bot.logic().maintenance().stream().filter(task -> task.name().equals("match-sweep")).findFirst()
                .orElseThrow().task().run();
        bot.text(207, "/find");
        assertThat(bot.partnerOf(207)).isIn(208L, 209L);
    }

    @Test
    void aPartnerWhoBlockedTheBotEndsTheChatAndTheOtherIsTold() {
        pair(210, 211);
        bot.jdbi().useTransaction(handle -> bot.logic().deliveryEvents().recipientBlocked(handle, 211));
        assertThat(bot.partnerOf(210)).isZero();
        assertThat(bot.lastText(210)).contains("no longer reachable");

        pair(212, 213);
        bot.handle(Updates.botBlocked(bot.nextUpdateId(), 213));
        assertThat(bot.partnerOf(212)).isZero();
        assertThat(bot.lastText(212)).contains("no longer reachable");
    }

    @Test
    void relayMapIsPrunedAfterTheChatEnds() {
        pair(214, 215);
        bot.text(214, "one");
        bot.deliverAll();
        assertThat(bot.count("select count(*) from relayed_messages where sender_id = 214")).isEqualTo(1);
        bot.text(214, "/stop");
        clock.advance(FeatureSettings.DEFAULT_RELAY_MAP_RETENTION.plusMinutes(1));
        Runnable prune = bot.logic().maintenance().stream().filter(task -> task.name().equals("relay-map-prune"))
                .findFirst().orElseThrow().task();
        prune.run();
        assertThat(bot.count("select count(*) from relayed_messages where sender_id = 214"))
                .as("kept while the copy can still be unsent").isEqualTo(1);
        clock.advance(UnsendCommand.WINDOW);
        prune.run();
        assertThat(bot.count("select count(*) from relayed_messages where sender_id = 214")).isZero();
    }
}
