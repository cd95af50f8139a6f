package org.luvhive.testkit.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.luvhive.testkit.telegram.EmulatorLimits;

class RateLimiterTest {
    private static final long ALICE = 1001;
    private static final long BOB = 1002;
    private static final long GROUP = -100_500;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void aPrivateChatGetsItsBurstThenA429OfAtLeastOneSecond() {
        RateLimiter limiter = new RateLimiter(EmulatorLimits.telegramDefaults(), clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit(ALICE).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.admit(ALICE);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(1);
        assertThat(limiter.admit(BOB).allowed()).as("other chats are not affected").isTrue();
    }

    @Test
    void sendingDuringThePenaltyExtendsItAndWaitingItOutIsEnough() {
        RateLimiter limiter = new RateLimiter(EmulatorLimits.telegramDefaults(), clock);
        for (int i = 0; i < 3; i++) {
            limiter.admit(ALICE);
        }
        assertThat(limiter.admit(ALICE).retryAfter()).isEqualTo(1);

        clock.advance(Duration.ofMillis(500));
        RateLimiter.Decision during = limiter.admit(ALICE);
        assertThat(during.allowed()).isFalse();
        assertThat(during.retryAfter()).as("0.5 s left + 1 s extension").isEqualTo(2);

        clock.advance(Duration.ofMillis(1_400));
        assertThat(limiter.admit(ALICE).allowed()).as("still inside the extended penalty").isFalse();

        clock.advance(Duration.ofMillis(2_100));
        assertThat(limiter.admit(ALICE).allowed()).as("a bot that honours retry_after gets through").isTrue();
    }

    @Test
    void theGlobalLimitRejectsTheExcessWithoutLockingTheBotOut() {
        RateLimiter limiter = new RateLimiter(new EmulatorLimits(true, 10, 2, 1000, 1000, 1000, 1000,
                Duration.ofSeconds(1)), clock);

        assertThat(limiter.admit(1).allowed()).isTrue();
        assertThat(limiter.admit(2).allowed()).isTrue();
        RateLimiter.Decision refused = limiter.admit(3);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(1);

        clock.advance(Duration.ofMillis(100));
        assertThat(limiter.admit(4).allowed()).as("one token per 100 ms at 10/s").isTrue();
        assertThat(limiter.admit(5).allowed()).isFalse();
    }

    @Test
    void aGroupGetsTwentyPerMinute() {
        RateLimiter limiter = new RateLimiter(EmulatorLimits.telegramDefaults().withGroup(20, 20), clock);

        int admitted = 0;
        for (int second = 0; second < 60; second++) {
            for (int i = 0; i < 5; i++) {
                if (limiter.admit(GROUP).allowed()) {
                    admitted++;
                }
            }
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(admitted).as("20 burst + 20 refilled over the minute, minus penalty time").isBetween(20, 40);
    }

    @Test
    void disabledLimitsAdmitEverything() {
        RateLimiter limiter = new RateLimiter(EmulatorLimits.unlimited(), clock);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.admit(ALICE).allowed()).isTrue();
        }
    }
}
