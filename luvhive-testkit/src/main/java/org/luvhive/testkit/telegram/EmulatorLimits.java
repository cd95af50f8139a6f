package org.luvhive.testkit.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * The flood limits the emulator enforces on message sends, per bot, like Telegram's.
 *
 * <p>Sends are {@code sendMessage}, {@code copyMessage}, {@code forwardMessage},
 * {@code sendInvoice} and the media/location/contact {@code send*} methods. Edits,
 * deletions, chat actions and callback answers are not limited (Telegram limits them far
 * more loosely and its limits for them are not documented).
 *
 * <ul>
 *   <li>Global: a token bucket of {@code globalPerSecond} with {@code globalBurst} capacity
 *       over all chats. Over it, a send gets 429 with {@code retry_after} = the whole seconds
 *       until a token frees up (at least 1). There is no lock-out: the emulator keeps
 *       delivering at exactly the limit while rejecting the excess.</li>
 *   <li>Private chat: {@code chatPerSecond} with {@code chatBurst} capacity. Over it, the
 *       chat is locked for {@code retry_after} seconds; every send during the lock-out is
 *       refused and extends it by {@code penaltyExtension}.</li>
 *   <li>Group: {@code groupPerMinute} with {@code groupBurst} capacity, penalised like a
 *       private chat.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled          false turns every limit off
 * @param globalPerSecond  sends per second over all chats
 * @param globalBurst      sends the global bucket holds when full
 * @param chatPerSecond    sends per second into one private chat
 * @param chatBurst        sends one private chat's bucket holds when full
 * @param groupPerMinute   sends per minute into one group
 * @param groupBurst       sends one group's bucket holds when full
 * @param penaltyExtension added to a chat's lock-out for each send during it (may be zero)
 */
public record EmulatorLimits(boolean enabled, double globalPerSecond, int globalBurst,
                             double chatPerSecond, int chatBurst, double groupPerMinute,
                             int groupBurst, Duration penaltyExtension) {

    public EmulatorLimits {
        Objects.requireNonNull(penaltyExtension, "penaltyExtension");
        requirePositive("globalPerSecond", globalPerSecond);
        requirePositive("chatPerSecond", chatPerSecond);
        requirePositive("groupPerMinute", groupPerMinute);
        requireAtLeastOne("globalBurst", globalBurst);
        requireAtLeastOne("chatBurst", chatBurst);
        requireAtLeastOne("groupBurst", groupBurst);
        if (penaltyExtension.isNegative()) {
            throw new IllegalArgumentException("penaltyExtension must not be negative, was " + penaltyExtension);
        }
    }

    /** Telegram's observed free-tier limits: 30/s overall, about 1/s per private chat, 20/min per group. */
    public static EmulatorLimits telegramDefaults() {
        return new EmulatorLimits(true, 30, 30, 1, 3, 20, 5, Duration.ofSeconds(1));
    }

    /** No limits at all; for functional tests that do not care about flood control. */
    public static EmulatorLimits unlimited() {
        return new EmulatorLimits(false, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, Duration.ZERO);
    }

    /** These limits with every rate multiplied by {@code factor}; bursts unchanged. For benchmarks. */
    public EmulatorLimits scaled(double factor) {
        requirePositive("factor", factor);
        return new EmulatorLimits(enabled, globalPerSecond * factor, globalBurst, chatPerSecond * factor,
                chatBurst, groupPerMinute * factor, groupBurst, penaltyExtension);
    }

    public EmulatorLimits withGlobal(double perSecond, int burst) {
        return new EmulatorLimits(enabled, perSecond, burst, chatPerSecond, chatBurst, groupPerMinute, groupBurst,
                penaltyExtension);
    }

    public EmulatorLimits withChat(double perSecond, int burst) {
        return new EmulatorLimits(enabled, globalPerSecond, globalBurst, perSecond, burst, groupPerMinute, groupBurst,
                penaltyExtension);
    }

    public EmulatorLimits withGroup(double perMinute, int burst) {
        return new EmulatorLimits(enabled, globalPerSecond, globalBurst, chatPerSecond, chatBurst, perMinute, burst,
                penaltyExtension);
    }

    public EmulatorLimits withPenaltyExtension(Duration extension) {
        return new EmulatorLimits(enabled, globalPerSecond, globalBurst, chatPerSecond, chatBurst, groupPerMinute,
                groupBurst, extension);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, was " + value);
        }
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
