package org.luvhive.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.config.SearchConfig;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

/**
 * The "Searching…" message: who else is searching and who of them fits, the estimate from
 * recent matches, edits in place only when the text changed and not more often than every
 * 15 s, the offer to widen after the configured time, and the premium filter that requires
 * a shared language.
 */
@ExtendWith(PostgresExtension.class)
class SearchStatusTest {

    private static final Duration WIDEN_AFTER = Duration.ofMinutes(3);

    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    SearchStatusTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of())
                .withSearch(SearchConfig.defaults().withWidenAfter(WIDEN_AFTER)));
    }

    @BeforeEach
    void emptyTables() {
        bot.reset();
    }

    @Test
    void theStatusCountsWhoIsSearchingAndWhoFitsAndIsEditedInPlaceOnlyWhenItChanges() {
        bot.createUser(501, "male", 30, "Berlin");
        bot.createUser(502, "male", 31, "Berlin");
        bot.createUser(503, "female", 29, "Berlin");
        filter(501, "filt:g:female");
        bot.text(501, "/find");
        assertThat(bot.lastText(501)).contains("Searching for a partner")
                .contains("Searching right now besides you: 0 · fit your filters: 0")
                .contains("Too few recent matches");
        bot.deliverAll(); // the status message gets its id
        int statusId = statusMessageOf(501);
        assertThat(statusId).isPositive();

        bot.text(502, "/find"); // a man: 501 wants women only
        assertThat(bot.lastText(502)).contains("Searching right now besides you: 1").doesNotContain("fit your filters");
        bot.deliverAll();
        run("search-status");
        assertThat(edits(501)).as("not before 15 s").isEmpty();
        clock.advance(SearchStatus.EDIT_EVERY);
        run("search-status");
        assertThat(edits(501)).hasSize(1);
        assertThat(edits(501).get(0).payload().path("message_id").asInt()).isEqualTo(statusId);
        assertThat(edits(501).get(0).payload().path("text").asText())
                .contains("Searching right now besides you: 1 · fit your filters: 0");
        assertThat(edits(502)).as("502's status said so from the start: no edit").isEmpty();
        run("search-status");
        clock.advance(SearchStatus.EDIT_EVERY);
        run("search-status");
        assertThat(edits(501)).as("nothing changed: no edit").hasSize(1);

        filter(503, "filt:g:female"); // a woman who wants women: fits 501, but 501 does not fit her
        bot.text(503, "/find");
        assertThat(bot.partnerOf(503)).isZero();
        clock.advance(SearchStatus.EDIT_EVERY);
        run("search-status");
        assertThat(edits(501)).hasSize(2);
        assertThat(edits(501).get(1).payload().path("text").asText())
                .contains("Searching right now besides you: 2 · fit your filters: 1");

        bot.text(503, "/cancel");
        clock.advance(SearchStatus.EDIT_EVERY);
        run("search-status");
        assertThat(edits(501)).hasSize(3);
        assertThat(edits(501).get(2).payload().path("text").asText())
                .contains("Searching right now besides you: 1 · fit your filters: 0");
        assertThat(bot.count("select count(*) from outbox where chat_id = 501 and correlation like 'search:%'"))
                .as("one status message, edited").isEqualTo(1);

        bot.text(501, "/cancel");
        assertThat(edits(501)).hasSize(4);
        assertThat(edits(501).get(3).payload().path("text").asText()).isEqualTo("🔎 Search stopped.");
        assertThat(edits(501).get(3).payload().path("message_id").asInt()).isEqualTo(statusId);
    }

    @Test
    void theEstimateIsTheMedianWaitOfTheLastHoursMatchesAndNoneWithTooFew() {
        long user = 600;
        for (int minutes : new int[] {1, 3, 5}) {
            bot.createUser(++user, "female", 30, "Berlin");
            bot.text(user, "/find");
            clock.advance(Duration.ofMinutes(minutes));
            bot.createUser(++user, "male", 30, "Berlin");
            bot.text(user, "/find");
            assertThat(bot.partnerOf(user)).isEqualTo(user - 1);
        }
        assertThat(bot.count("select count(*) from match_waits")).as("one sample a match: the one who waited")
                .isEqualTo(3);
        bot.createUser(++user, "female", 30, "Berlin");
        bot.text(user, "/find");
        assertThat(bot.lastText(user)).contains("Recent matches took about 3 minutes (matches in the last hour: 3)");

        bot.text(user, "/cancel");
        clock.advance(Duration.ofMinutes(55)); // the first two samples leave the hour
        bot.createUser(++user, "female", 30, "Berlin");
        bot.text(user, "/find");
        assertThat(bot.lastText(user)).contains("Too few recent matches");
    }

    @Test
    void afterTheConfiguredTimeTheBotOffersToWidenAndOneTapPairsWhoNowFits() {
        bot.createUser(701, "male", 30, "Berlin");
        bot.createUser(702, "male", 33, "Berlin");
        filter(701, "filt:g:female");
        bot.text(701, "/find");
        bot.text(702, "/find");
        clock.advance(WIDEN_AFTER.minusSeconds(1));
        run("match-widen-offers");
        assertThat(bot.texts(701)).noneMatch(text -> text.contains("Widen"));
        clock.advance(Duration.ofSeconds(2));
        run("match-widen-offers");
        run("match-widen-offers");
        assertThat(bot.texts(701).stream().filter(text -> text.contains("Widen them for this search"))).hasSize(1);
        assertThat(bot.texts(701)).anyMatch(text -> text.contains("free in the last 3 minutes"));
        assertThat(bot.last(701, "sendmessage").orElseThrow().hasButton("wide:yes")).isTrue();
        assertThat(bot.last(702, "sendmessage").orElseThrow().text()).contains("still searching");
        assertThat(bot.last(702, "sendmessage").orElseThrow().hasButton("wide:keep")).isTrue();

        bot.tap(702, "wide:keep");
        assertThat(bot.partnerOf(702)).isZero();
        bot.tap(701, "wide:yes");
        assertThat(bot.partnerOf(701)).as("widened: 702 fits now").isEqualTo(702);
        bot.text(701, "/stop");
        assertThat(bot.count("select count(*) from users where user_id = 701 and filter_gender = 'female'"))
                .as("the saved filters are left as they were").isEqualTo(1);
    }

    @Test
    void aPremiumFilterCanRequireASharedLanguage() {
        bot.createUser(801, "male", 30, "Berlin");
        bot.createUser(802, "female", 30, "Berlin");
        bot.createUser(803, "female", 30, "Berlin");
        bot.jdbi().useHandle(handle -> handle.execute("update users set language = 'ru' where user_id in (801, 803)"));
        filter(801, "filt:l:same");
        assertThat(bot.lastText(801)).contains("only Русский"); // the language the bot speaks to them in
        bot.text(802, "/find");
        bot.text(801, "/find");
        assertThat(bot.partnerOf(801)).as("802 speaks English").isZero();
        bot.text(803, "/find");
        assertThat(bot.partnerOf(801)).isEqualTo(803);
    }

    private List<BotHarness.Sent> edits(long userId) {
        return bot.sent(userId).stream().filter(sent -> sent.method().equals("editmessagetext")).toList();
    }

    private int statusMessageOf(long userId) {
        return (int) bot.count("select coalesce(status_message_id, 0) from match_queue where user_id = " + userId);
    }

    private void run(String task) {
        bot.runMaintenance(task);
    }

    private void filter(long userId, String... taps) {
        bot.premiumWithFilters(userId, taps);
    }
}
