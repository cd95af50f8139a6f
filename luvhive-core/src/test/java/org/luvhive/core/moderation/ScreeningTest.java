package org.luvhive.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.moderation.filter.ModerationPolicy;
import org.luvhive.core.moderation.filter.Strictness;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * Every relayed message and caption is screened in the relay's transaction: what is
 * blocked never reaches the outbox, strikes climb the ladder and decay on the clock,
 * levels and new accounts change what passes, duplicates and churn count across chats.
 */
@ExtendWith(PostgresExtension.class)
class ScreeningTest {

    private static final String PHOTO = "\"photo\": [{\"file_id\": \"p\", \"file_unique_id\": \"pu\", \"width\": 1, "
            + "\"height\": 1}]";

    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    ScreeningTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of(7L)));
    }

    @BeforeEach
    void emptyTables() {
        bot.reset();
    }

    private void pair(long first, long second) {
        bot.createUser(first, "male", 30, "Berlin");
        bot.createUser(second, "female", 30, "Berlin");
        match(first, second);
    }

    private void match(long first, long second) {
        bot.text(first, "/find");
        bot.text(second, "/find");
        assertThat(bot.partnerOf(first)).isEqualTo(second);
    }

    /** What was relayed to {@code recipient}: copies, media resent by file_id, and media held for their consent. */
    private long copies(long recipient) {
        return bot.sent(recipient).stream().filter(sent -> sent.method().matches(
                        "copymessage|sendphoto|sendvideo|sendanimation|sendvideonote")).count()
                + bot.count("select count(*) from held_media where recipient_id = " + recipient);
    }

    private List<String> actions(long user) {
        return bot.jdbi().withHandle(handle -> handle.createQuery(
                "select action from moderation_decisions where user_id = :user order by id")
                .bind("user", user).mapTo(String.class).list());
    }

    @Test
    void aBlockedMessageIsNeverQueuedAndTheSenderIsToldWhyButNotWhich() throws Exception {
        pair(101, 102);

        bot.text(101, "call me, +49 170 1234567");

        assertThat(copies(102)).isZero();
        assertThat(bot.lastText(101)).startsWith("🚫 Not sent: phone numbers are not allowed here")
                .doesNotContain("1234567");
        assertThat(bot.count("""
                select count(*) from moderation_decisions where user_id = 101 and action = 'block'
                and rules = '{contact.phone}' and level = 'normal' and strike and excerpt = 'call me, +## ### #######'
                """)).isEqualTo(1);
        List<String> lines = Files.readAllLines(bot.violationsLog());
        JsonNode logged = BotHarness.JSON.readTree(lines.get(0));
        assertThat(logged.path("kind").asText()).isEqualTo("moderation");
        assertThat(logged.path("action").asText()).isEqualTo("block");
        assertThat(logged.path("rules").get(0).asText()).isEqualTo("contact.phone");
        assertThat(logged.path("chat").asLong()).isPositive();
        assertThat(String.join("\n", lines)).doesNotContain("1234567").doesNotContain("call me, +49");
        assertThat(bot.registry().get(ModerationJournal.METER).tag("action", "block").counter().count()).isEqualTo(1);
    }

    @Test
    void aLowSeverityHitIsRelayedWithAWarningAndObfuscationMakesItBlock() {
        pair(103, 104);

        bot.text(103, "look at https://example.org/cats");
        assertThat(copies(104)).isEqualTo(1);
        assertThat(bot.lastText(103)).startsWith("⚠️ Links are not allowed here").contains("This is a warning")
                .contains("next time: a mute of 10 minutes");

        for (String hidden : List.of("t e l e g r a m", "𝐭𝐞𝐥𝐞𝐠𝐫𝐚𝐦", "w.h.a.t.s.a.p.p")) {
            clock.advance(Duration.ofDays(8)); // the strike before has decayed
            bot.text(103, hidden);
            assertThat(copies(104)).as(hidden).isEqualTo(1);
            assertThat(bot.lastText(103)).as(hidden).startsWith("🚫 Not sent:");
        }
        assertThat(actions(103)).containsExactly("strike", "warn", "block", "warn", "block", "warn", "block", "warn");
    }

    @Test
    void strikesEscalateFromWarningToMutesAndDecay() {
        pair(105, 106);
        bot.text(105, "my insta @someone_cool");
        assertThat(bot.lastText(105)).contains("This is a warning");

        bot.text(105, "@someone_cool !!");
        assertThat(bot.lastText(105)).contains("🔇 You are muted for 10 minutes, until 2026-03-01 10:10 UTC");
        bot.text(105, "sorry, hello");
        assertThat(copies(106)).isZero();
        assertThat(bot.lastText(105)).startsWith("🔇 You are muted until 2026-03-01 10:10 UTC (10 minutes left)");

        clock.advance(Duration.ofMinutes(11));
        bot.text(105, "hello again");
        assertThat(copies(106)).isEqualTo(1);
        bot.text(105, "@someone_cool");
        assertThat(bot.lastText(105)).contains("muted for 1 hour");

        clock.advance(Duration.ofDays(7).plusMinutes(1)); // every strike decayed
        bot.text(105, "@someone_cool");
        assertThat(bot.lastText(105)).contains("This is a warning");
        assertThat(bot.count("select count(*) from moderation_decisions where user_id = 105 and action = 'mute'"))
                .isEqualTo(2);
    }

    @Test
    void theFifthLiveStrikeBansForAnAdminToReview() {
        pair(107, 108);
        for (Duration mute : List.of(Duration.ZERO, Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(24))) {
            bot.text(107, "call +49 170 1234567");
            clock.advance(mute.plusMinutes(1));
        }
        assertThat(bot.lastText(107)).contains("muted for 24 hours");
        bot.text(107, "call +49 170 1234567");

        assertThat(bot.count("select count(*) from bans where user_id = 107 and banned_until is null")).isEqualTo(1);
        assertThat(bot.lastText(107)).contains("banned permanently").contains("/appeal");
        assertThat(bot.partnerOf(108)).isZero();
        assertThat(bot.count("select count(*) from moderation_cases where user_id = 107 and status = 'open' "
                + "and reason = 'ban_review'")).isEqualTo(1);
    }

    @Test
    void theLevelDecidesWhatALinkDoes() {
        pair(109, 110);
        bot.strictness(Strictness.RELAXED);
        bot.text(109, "https://example.org");
        assertThat(copies(110)).isEqualTo(1);
        assertThat(actions(109)).isEmpty();

        bot.strictness(Strictness.STRICT);
        bot.text(109, "https://example.org");
        assertThat(copies(110)).isEqualTo(1);
        assertThat(bot.lastText(109)).startsWith("🚫 Not sent: links are not allowed here");
    }

    @Test
    void newAccountsAreJudgedOneLevelStricterAndWaitForMedia() {
        Instant now = clock.instant();
        bot.createUser(111, "male", 30, "Berlin", now.minus(Duration.ofMinutes(5)));
        bot.createUser(112, "female", 30, "Berlin");
        match(111, 112);

        bot.text(111, "https://example.org");
        assertThat(bot.lastText(111)).as("judged as at strict").startsWith("🚫 Not sent: links");
        bot.message(111, PHOTO);
        assertThat(copies(112)).as("ten minutes' media lock at normal").isZero();
        assertThat(bot.lastText(111)).isEqualTo("🚫 Not sent: new accounts can send photos and other media "
                + "10 minutes after joining.");
        clock.advance(Duration.ofMinutes(5));
        bot.message(111, PHOTO);
        assertThat(copies(112)).isEqualTo(1);

        bot.strictness(Strictness.STRICT);
        bot.message(111, PHOTO);
        assertThat(copies(112)).isEqualTo(1);
        assertThat(bot.lastText(111)).isEqualTo("🚫 Not sent: new accounts can send photos and other media "
                + "24 hours after joining.");
        assertThat(bot.count("select count(*) from moderation_decisions where user_id = 111 and strike")).isEqualTo(1);

        clock.advance(Duration.ofHours(24));
        bot.message(111, PHOTO);
        assertThat(copies(112)).isEqualTo(2);
    }

    @Test
    void lockdownBlocksMediaForEveryoneAndKeepsNewAccountsFromSearching() {
        pair(113, 114);
        bot.strictness(Strictness.LOCKDOWN);
        bot.message(113, PHOTO);
        assertThat(copies(114)).isZero();
        assertThat(bot.lastText(113)).contains("paused for everyone");

        bot.createUser(115, "male", 30, "Berlin", clock.instant().minus(Duration.ofHours(1)));
        bot.text(115, "/find");
        assertThat(bot.lastText(115)).contains("New accounts cannot start a search right now");
        assertThat(bot.count("select count(*) from match_queue where user_id = 115")).isZero();
    }

    @Test
    void theSameTextToFivePartnersIsBlockedAsSpam() {
        String pitch = "Hey, I have something really interesting to show you, ask me how";
        bot.createUser(120, "male", 30, "Berlin");
        for (long partner = 121; partner <= 125; partner++) {
            bot.createUser(partner, "female", 30, "Berlin");
            match(120, partner);
            bot.text(120, pitch + "!".repeat((int) (partner - 120)));
            clock.advance(Duration.ofMinutes(1));
            if (partner < 125) {
                bot.text(120, "/stop");
            }
        }
        for (long partner = 121; partner <= 124; partner++) {
            assertThat(copies(partner)).as("partner %d", partner).isEqualTo(1);
        }
        assertThat(copies(125)).isZero();
        assertThat(bot.lastText(120)).startsWith("🚫 Not sent: you sent the same message to several people");
        assertThat(bot.count("select count(*) from message_fingerprints where user_id = 120")).isEqualTo(5);
    }

    @Test
    void skippingPartnersTooFastIsRefusedAtStrict() {
        ModerationSettings settings = new ModerationSettings(new OpsSettings(bot.jdbi(), clock));
        ObjectNode json = settings.json().write(ModerationPolicy.defaults());
        ((ObjectNode) json.path("levels").path("strict")).put("churn_chats", 3);
        settings.setPolicy(settings.json().parse(json.toString()), "test");
        bot.strictness(Strictness.STRICT);
        for (long user = 130; user <= 133; user++) {
            bot.createUser(user, user == 130 ? "male" : "female", 30, "Berlin");
        }
        match(130, 131);
        bot.text(132, "/find");
        bot.text(130, "/next");
        assertThat(bot.partnerOf(130)).isEqualTo(132);

        bot.text(133, "/find");
        bot.text(130, "/next");

        assertThat(bot.lastText(130)).startsWith("🚫 You are skipping partners very fast");
        assertThat(bot.partnerOf(130)).as("the chat goes on").isEqualTo(132);
        assertThat(actions(130)).containsExactly("block", "warn");
    }

    @Test
    void anEditIsScreenedLikeAMessage() {
        pair(140, 141);
        int sent = bot.text(140, "hi there");
        bot.deliverAll();
        bot.edit(140, sent, "\"text\": \"call +49 170 1234567\"");
        assertThat(bot.sent(141).stream().filter(row -> row.method().equals("editmessagetext"))).isEmpty();
        assertThat(bot.lastText(140)).startsWith("🚫 Not sent: phone numbers");
        bot.edit(140, sent, "\"text\": \"hi there, friend\"");
        assertThat(bot.sent(141).stream().filter(row -> row.method().equals("editmessagetext"))).hasSize(1);
    }
}
