package org.luvhive.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.UserColumns.Column;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * {@code /delete_me} really deletes: after a user who did everything the bot offers
 * (chats, relayed and edited messages, ratings, reports with details, blocks, payments,
 * a refused checkout, admin actions, a ban, a search) confirms, no table holds their id or
 * the words they wrote, except what /privacy says is kept. The tables and columns come
 * from the catalog ({@link UserColumns}), so a table added later that can hold a user's
 * id fails this test until the scenario below puts the user there and the feature that
 * owns the table forgets them.
 */
@ExtendWith(PostgresExtension.class)
class ForgetUserTest {

    /** Who deletes themselves; also an admin, so the admin columns can name them. */
    private static final long GONE = 7_700_000_001L;
    private static final long PARTNER = 7_700_000_002L;
    private static final long ADMIN = 7_700_000_003L;
    private static final long PAYER = 7_700_000_004L;
    private static final String WORDS = "MARKER-5c1e what I told no one";
    /** A photo whose caption holds the words: held for consent, it must go with the user too. */
    private static final String PHOTO = "\"photo\": [{\"file_id\": \"p\", \"file_unique_id\": \"pu\", \"width\": 1, "
            + "\"height\": 1}], \"caption\": \"" + WORDS + "\"";

    /** Columns that keep the user's id after /delete_me on purpose, and why (as /privacy tells users). */
    private static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("payments.user_id", "payments are kept for accounting and refunds"),
            Map.entry("payments.refunded_by", "who refunded a payment stays with the payment"),
            Map.entry("search_promises.user_id", "a paid boost's promise stays with its payment"),
            Map.entry("bans.user_id", "a ban survives deleting and coming back"),
            Map.entry("bans.banned_by", "who banned whom stays with the ban"),
            Map.entry("blocks.blocked_id", "blocks others made against the user are kept"),
            Map.entry("reports.reported_id", "reports about the user are kept for moderators"),
            Map.entry("reports.resolved_by", "who handled a report stays with the report"),
            Map.entry("admin_audit.admin_id", "the admin audit log is a security record"),
            Map.entry("admin_audit.target", "the admin audit log is a security record"),
            Map.entry("admin_audit.details", "the admin audit log is a security record"),
            Map.entry("moderation_cases.user_id", "the admin queue's cases about the user are kept for moderators"),
            Map.entry("moderation_cases.closed_by", "who handled a case stays with the case"),
            Map.entry("moderation_decisions.decided_by", "what an admin decided is a security record"),
            Map.entry("payment_signals.user_id", "fraud signals stay with the payments they are about"));

    /** User columns the scenario cannot fill with the user who deletes themselves, and why. */
    private static final Map<String, String> NOT_SEEDED = Map.of(
            "blocked_recipients.chat_id", "cleared whenever the user writes to the bot, as they do to delete themselves",
            "matching_holds.user_id", "a held user cannot search, and the scenario ends searching; a hold survives "
                    + "/delete_me (ModerationQueueTest)",
            "minor_declarations.user_id", "who said they are under 18 cannot search, and the scenario ends searching;"
                    + " the declaration survives /delete_me (AgeProtectionE2ETest)",
            "reveal_consents.user_id", "a consent to reveal lasts only while its chat is on (ending it clears it, and"
                    + " /delete_me ends the chat), while the scenario ends with the user searching");

    /** {@code chat_id} columns that hold {@code chats.id} without a foreign key (the row outlives the chat). */
    private static final Set<String> CHAT_REFERENCES = Set.of("ratings.chat_id", "blocks.chat_id", "reports.chat_id",
            "moderation_decisions.chat_id", "message_fingerprints.chat_id");

    private final TestDatabase database;
    private final ManualClock clock = ManualClock.at("2026-03-01T12:00:00Z");
    private final InboxDriver bot;

    ForgetUserTest(TestDatabase database) {
        this.database = database;
        this.bot = new InboxDriver(database, clock, FeatureSettings.defaults(Set.of(GONE, ADMIN)));
    }

    @Test
    void noTableHoldsTheUsersIdOrWordsAfterDeleteMeButWhatPrivacySaysIsKept() {
        doEverything();
        bot.text(GONE, "/delete_me");
        bot.deliverAll();
        UserColumns schema = database.jdbi().withHandle(UserColumns::read);
        List<Column> userColumns = schema.holdingUsers(CHAT_REFERENCES);
        assertThat(userColumns).extracting(Column::id).as("the catalog finds the user columns")
                .contains("users.user_id", "chat_members.partner_id", "outbox.chat_id", "inbox.user_id");
        List<String> notSeeded = new ArrayList<>();
        for (Column column : userColumns) {
            if (!NOT_SEEDED.containsKey(column.id()) && countEqual(column, GONE) == 0) {
                notSeeded.add(column.id());
            }
        }
        assertThat(notSeeded).as("user columns the scenario never filled: extend doEverything() so the user lands there, and make the "
                + "owning feature's forget(...) remove them (or keep them on purpose: KEPT)").isEmpty();
        long lastBefore = bot.count("select coalesce(max(id), 0) from outbox");

        bot.tap(GONE, "del:confirm");

        assertThat(bot.count("select count(*) from users where user_id = ?", GONE)).isZero();
        List<String> goodbye = database.jdbi().withHandle(handle -> handle.createQuery(
                        "select chat_id || ' ' || method from outbox where id > :last order by id")
                .bind("last", lastBefore).mapTo(String.class).list());
        assertThat(goodbye).as("the only rows for the user: the answers to the confirmation, queued after forgetting "
                        + "(and the partner of their chat told it ended)")
                .containsExactly(PAYER + " sendmessage", GONE + " answercallbackquery", GONE + " editmessagereplymarkup",
                        GONE + " sendmessage");
        List<String> remaining = new ArrayList<>();
        for (Column column : schema.all()) {
            if (column.isBigint() && !KEPT.containsKey(column.id()) && countEqual(column, GONE, lastBefore) > 0) {
                remaining.add(column.id() + " holds the id");
            }
            if (column.isText() && !KEPT.containsKey(column.id()) && countMentioning(column, lastBefore) > 0) {
                remaining.add(column.id() + " mentions the id");
            }
            if (column.isText() && countContaining(column, lastBefore) > 0) {
                remaining.add(column.id() + " holds the user's words");
            }
        }
        assertThat(remaining).as("what /delete_me left behind").isEmpty();
        List<String> keptButGone = new ArrayList<>();
        for (Column column : userColumns) {
            if (KEPT.containsKey(column.id()) && countEqual(column, GONE) == 0) {
                keptButGone.add(column.id());
            }
        }
        assertThat(keptButGone).as("what /privacy promises to keep, deleted anyway").isEmpty();
    }

    /** Everything the bot offers, done by GONE (and to them), through the real inbox. */
    private void doEverything() {
        bot.onboard(GONE, "male", 30);
        bot.onboard(PARTNER, "female", 31);
        bot.onboard(ADMIN, "female", 32);
        bot.onboard(PAYER, "male", 33);

        bot.text(GONE, "/find");
        bot.text(PARTNER, "/find");
        bot.deliverAll();
        long firstChat = bot.count("select chat_id from chat_members where user_id = ? and active", GONE);
        bot.text(GONE, WORDS);
        bot.poison(GONE, WORDS + " (a message that came without its chat)");
        bot.text(PARTNER, "hi back");
        bot.deliverAll(); // both copies' ids go into the relay map
        bot.text(GONE, "/stop");
        bot.tap(GONE, "again:" + firstChat); // "Chat again?": the partner never says yes
        bot.tap(GONE, "rate:" + firstChat + ":up");
        bot.tap(PARTNER, "rate:" + firstChat + ":down");
        bot.tap(PARTNER, "rep:" + firstChat + ":abuse");
        bot.text(PARTNER, "/skip");
        bot.tap(GONE, "rep:" + firstChat + ":spam");
        bot.text(GONE, WORDS + " (the report's details)");
        bot.tap(GONE, "blk:" + firstChat);

        bot.text(GONE, "/find");
        bot.text(ADMIN, "/find");
        bot.deliverAll();
        int message = bot.text(GONE, "hello");
        bot.deliverAll();
        bot.edit(GONE, message, WORDS + " (edited)"); // stays queued: on its way when the user is forgotten
        bot.text(GONE, "see https://example.org"); // a strike and a warning
        bot.text(GONE, "see https://example.org"); // a mute
        bot.text(GONE, "/appeal " + WORDS);
        long partnersCase = bot.count("select id from moderation_cases where user_id = ?", PARTNER);
        bot.tap(GONE, "mod:dismiss:" + partnersCase);
        bot.text(ADMIN, "/block");

        bot.preCheckout(GONE, "premium:30:250:" + GONE, 250);
        bot.pay(GONE, "premium:30:250:" + GONE, 250, "charge-one");
        bot.preCheckout(GONE, "premium:30:1:" + GONE, 1); // refused: the price changed
        bot.pay(PAYER, "premium:7:100:" + PAYER, 100, "charge-two");
        bot.preCheckout(GONE, "boost:25:" + GONE, 25);
        bot.pay(GONE, "boost:25:" + GONE, 25, "charge-boost");
        bot.text(GONE, "/refund charge-two");
        bot.text(ADMIN, "/refund charge-one");
        long reportAboutGone = bot.count("select id from reports where reported_id = ?", GONE);
        bot.tap(GONE, "adm:dismiss:" + reportAboutGone);
        bot.text(GONE, "/ban " + PAYER + " 30m spam");
        bot.text(ADMIN, "/ban " + GONE + " 30m a test");
        bot.deliverAll();
        clock.advance(Duration.ofMinutes(31)); // the ban runs out; its row stays

        bot.text(GONE, "/find");
        bot.text(PAYER, "/find"); // a third chat, where media waits for consent both ways
        bot.message(GONE, PHOTO);
        bot.message(PAYER, PHOTO);
        assertThat(bot.count("select count(*) from held_media where sender_id = ? or recipient_id = ?", GONE, GONE))
                .isEqualTo(2);
        // the bot queues nobody who is in a chat, so the queue's row is written as a search writes it
        database.jdbi().useHandle(handle -> handle.execute(
                "insert into match_queue (user_id, enqueued_at) values (?, ?)", GONE, clock.instant()));
    }

    private long countEqual(Column column, long value) {
        return countEqual(column, value, Long.MAX_VALUE);
    }

    /** Rows whose column equals {@code value}; outbox rows after {@code lastOutboxRow} are not counted. */
    private long countEqual(Column column, long value, long lastOutboxRow) {
        return count(column, "\"" + column.name() + "\" = :value", value, lastOutboxRow);
    }

    private long countMentioning(Column column, long lastOutboxRow) {
        return count(column, "\"" + column.name() + "\"::text ~ ('\\m' || :value || '\\M')", String.valueOf(GONE),
                lastOutboxRow);
    }

    private long countContaining(Column column, long lastOutboxRow) {
        return count(column, "strpos(\"" + column.name() + "\"::text, :value) > 0", "MARKER-5c1e", lastOutboxRow);
    }

    private long count(Column column, String condition, Object value, long lastOutboxRow) {
        String sql = "select count(*) from \"" + column.table() + "\" where " + condition
                + (column.table().equals("outbox") ? " and id <= :last" : "");
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).bind("value", value)
                .bind("last", lastOutboxRow).mapTo(Long.class).one());
    }
}
