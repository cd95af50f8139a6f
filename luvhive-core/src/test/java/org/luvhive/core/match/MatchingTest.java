package org.luvhive.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luvhive.core.bot.BotHarness;
import org.luvhive.core.bot.FeatureSettings;
import org.luvhive.core.config.SearchConfig;
import org.luvhive.core.testing.ManualClock;
import org.luvhive.core.testing.PostgresExtension;
import org.luvhive.core.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class MatchingTest {

    @org.junit.jupiter.api.BeforeEach
    void emptyTables() {
        bot.reset();
    }

    private final ManualClock clock = ManualClock.at("2026-03-01T10:00:00Z");
    private final BotHarness bot;

    MatchingTest(TestDatabase database) {
        this.bot = new BotHarness(database.jdbi(), clock, FeatureSettings.defaults(Set.of()));
    }

    private void run(String task) {
        bot.runMaintenance(task);
    }

    private void filter(long userId, String... taps) {
        bot.premiumWithFilters(userId, taps);
    }

    @Test
    void bothSidesFiltersMustAcceptEachOther() {
        bot.createUser(301, "male", 30, "Berlin");
        bot.createUser(302, "male", 31, "Berlin");
        bot.createUser(303, "female", 35, "Munich");
        bot.createUser(304, "female", 24, "Berlin");
        filter(301, "filt:g:female", "filt:a:18-25");
        bot.text(301, "/find");
        bot.text(302, "/find");
        assertThat(bot.partnerOf(301)).isZero();
        assertThat(bot.partnerOf(302)).isZero();
        filter(304, "filt:c:same", "filt:g:male");
        bot.text(303, "/find");
        assertThat(bot.partnerOf(303)).isEqualTo(302);
        bot.text(304, "/find");
        assertThat(bot.partnerOf(304)).isEqualTo(301);
        assertThat(bot.lastText(304)).contains("About your partner").contains("Male").contains("30")
                .contains("Shared interests").doesNotContain("301");
        assertThat(bot.lastText(303)).doesNotContain("About your partner");
    }

    @Test
    void blockedPairsAndBannedUsersAreNeverMatched() {
        bot.createUser(311, "male", 30, "Berlin");
        bot.createUser(312, "female", 30, "Berlin");
        bot.text(311, "/find");
        bot.text(312, "/find");
        assertThat(bot.partnerOf(311)).isEqualTo(312);
        bot.text(312, "/block");
        assertThat(bot.partnerOf(311)).isZero();
        assertThat(bot.lastText(311)).contains("partner left");
        clock.advance(Duration.ofDays(2));
        bot.text(311, "/find");
        bot.text(312, "/find");
        run("match-sweep");
        assertThat(bot.partnerOf(311)).isZero();
        assertThat(bot.partnerOf(312)).isZero();
        bot.text(311, "/cancel");
        bot.text(312, "/cancel");

        bot.createUser(313, "male", 30, "Berlin");
        bot.jdbi().useHandle(handle -> handle.execute(
                "insert into bans (user_id, reason, banned_by, created_at) values (313, 'spam', 1, now())"));
        bot.text(313, "/find");
        assertThat(bot.count("select count(*) from match_queue where user_id = 313")).isZero();
    }

    @Test
    void aSharedLanguageIsPreferredOverALongerWait() {
        bot.createUser(331, "male", 30, "Berlin");
        bot.createUser(332, "male", 30, "Berlin");
        bot.createUser(333, "female", 30, "Berlin");
        bot.createUser(334, "female", 30, "Berlin");
        bot.jdbi().useHandle(handle -> handle.execute(
                "update users set language = 'es' where user_id in (332, 333)"));
        filter(331, "filt:g:female"); // so that the two men wait side by side
        filter(332, "filt:g:female");
        bot.text(331, "/find");
        clock.advance(Duration.ofSeconds(30));
        bot.text(332, "/find");
        bot.text(333, "/find");
        assertThat(bot.partnerOf(333)).as("the Spanish speaker, though the English one waited longer").isEqualTo(332);
        bot.text(334, "/find");
        assertThat(bot.partnerOf(334)).as("nobody who shares a language: the longest waiting").isEqualTo(331);
    }

    @Test
    void boostIsPremiumFrontOfQueueWithACooldown() {
        bot.createUser(321, "male", 30, "Berlin");
        bot.createUser(322, "male", 30, "Berlin");
        bot.createUser(323, "male", 30, "Berlin");
        filter(321, "filt:g:female");
        filter(322, "filt:g:female");
        bot.text(323, "/boost");
        assertThat(bot.lastText(323)).contains("premium");
        bot.text(321, "/find");
        clock.advance(Duration.ofSeconds(5));
        bot.text(322, "/boost");
        assertThat(bot.lastText(322)).contains("Boosted");
        bot.text(322, "/boost");
        assertThat(bot.lastText(322)).contains("boost again");
        bot.createUser(324, "female", 30, "Berlin");
        bot.text(324, "/find");
        assertThat(bot.partnerOf(324)).isEqualTo(322);
    }

    @Test
    void waitingUsersAreToldOnceAndLapsedFiltersAreSwept() {
        bot.createUser(331, "male", 30, "Berlin");
        bot.createUser(332, "male", 30, "Berlin");
        filter(331, "filt:g:female");
        bot.text(331, "/find");
        bot.text(332, "/find");
        assertThat(bot.partnerOf(331)).isZero();
        clock.advance(SearchConfig.DEFAULT_WIDEN_AFTER.plusSeconds(1));
        run("match-widen-offers");
        run("match-widen-offers");
        assertThat(bot.texts(331).stream().filter(text -> text.contains("Widen them for this search")).count())
                .isEqualTo(1);
        assertThat(bot.last(331, "sendmessage").orElseThrow().hasButton("wide:yes")).isTrue();
        assertThat(bot.texts(332).stream().filter(text -> text.contains("still searching")).count()).isEqualTo(1);
        assertThat(bot.last(332, "sendmessage").orElseThrow().hasButton("wide:yes")).as("no filters to widen")
                .isFalse();

        clock.advance(Duration.ofDays(4));
        run("match-sweep");
        assertThat(bot.partnerOf(331)).isEqualTo(332);
    }

    @Test
    void findTwiceAndFindInAChatChangeNothing() {
        bot.createUser(341, "female", 30, "Berlin");
        bot.text(341, "/find");
        bot.text(341, "/find");
        assertThat(bot.lastText(341)).contains("already searching");
        bot.createUser(342, "female", 30, "Berlin");
        bot.text(342, "/find");
        bot.text(342, "/find");
        assertThat(bot.lastText(342)).contains("already in a chat");
        assertThat(bot.count("select count(*) from chat_members where user_id = 342")).isEqualTo(1);
    }
}
