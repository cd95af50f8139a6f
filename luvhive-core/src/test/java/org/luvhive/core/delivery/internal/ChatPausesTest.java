package org.luvhive.core.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChatPausesTest {

    private final Instant start = Instant.parse("2026-11-29T10:00:00Z");
    private final ChatPauses pauses = new ChatPauses(Duration.ofSeconds(1));

    private Instant at(long millis) {
        return start.plusMillis(millis);
    }

    @Test
    void aSingleRefusalPausesOnlyThatChat() {
        assertThat(pauses.floodWait(1, Duration.ofSeconds(3), at(-5), at(0))).isEqualTo(ChatPauses.Scope.CHAT);

        assertThat(pauses.pausedChats(at(2000))).containsExactly(1L);
        assertThat(pauses.pausedChats(at(3000))).isEmpty();
        assertThat(pauses.globalPauseUntil()).isBefore(start);
    }

    @Test
    void aSecondChatRefusedWithNothingAcceptedSinceIsTheGlobalLimit() {
        pauses.accepted(9, at(-500), at(-490));
        pauses.floodWait(1, Duration.ofSeconds(3), at(-5), at(0));

        assertThat(pauses.floodWait(2, Duration.ofSeconds(3), at(10), at(20))).isEqualTo(ChatPauses.Scope.GLOBAL);
        assertThat(pauses.globalPauseUntil()).isEqualTo(at(3020));
    }

    @Test
    void theGlobalPauseIsTheLongestWaitAskedForInTheBurst() {
        pauses.floodWait(1, Duration.ofSeconds(3), at(-5), at(0));

        pauses.floodWait(2, Duration.ofSeconds(2), at(10), at(20));

        assertThat(pauses.globalPauseUntil()).isEqualTo(at(3000));
    }

    @Test
    void answersArriveInAnyOrderSoCallsAreJudgedByWhenTheyLeft() {
        pauses.floodWait(1, Duration.ofSeconds(3), at(0), at(10));
        pauses.accepted(7, at(-3), at(12)); // left before both refused calls, answered after one of them

        assertThat(pauses.floodWait(2, Duration.ofSeconds(3), at(5), at(15))).isEqualTo(ChatPauses.Scope.GLOBAL);
    }

    @Test
    void chatsRefusedAmongCallsAcceptedAfterwardsStayPerChat() {
        pauses.floodWait(1, Duration.ofSeconds(2), at(-5), at(0));
        for (int chat = 10; chat < 19; chat++) {
            pauses.accepted(chat, at(chat * 10L), at(chat * 10L + 5));
        }

        assertThat(pauses.floodWait(2, Duration.ofSeconds(2), at(295), at(300))).isEqualTo(ChatPauses.Scope.CHAT);
        assertThat(pauses.globalPauseUntil()).isBefore(start);
    }

    @Test
    void refusalsFartherApartThanTheWindowAreSeparate() {
        pauses.floodWait(1, Duration.ofSeconds(1), at(-5), at(0));

        assertThat(pauses.floodWait(2, Duration.ofSeconds(1), at(1495), at(1500))).isEqualTo(ChatPauses.Scope.CHAT);
    }
}
