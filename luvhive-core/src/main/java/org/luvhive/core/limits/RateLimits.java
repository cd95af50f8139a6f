package org.luvhive.core.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rate limits in force, as stored in the ops settings ({@code limits}) and changed
 * live by {@code luvhive set-limits}. Immutable.
 *
 * @param profile        {@code normal}, {@code high}, {@code crisis} or {@code custom}
 * @param perUser        messages per second one user may send the bot; also the cap on
 *                       what the bot sends into one private chat (never above
 *                       {@link #PRIVATE_CHAT_CEILING}, Telegram's own)
 * @param perUserBurst   how many a user may send at once after a pause
 * @param global         messages per second the bot sends in all
 * @param globalBurst    how many it may send at once
 * @param groupPerMinute messages per minute into one group (Telegram allows 20)
 * @param forced         whether the operator forced a global rate above Telegram's 30/s
 */
public record RateLimits(String profile, double perUser, int perUserBurst, double global, int globalBurst,
                         int groupPerMinute, boolean forced) {

    /** Telegram's free-tier global limit: more needs {@code --force}. */
    public static final double TELEGRAM_GLOBAL = 30;
    /** Beyond this nothing is accepted, forced or not (paid broadcasts top out at 1000/s). */
    public static final double HARD_GLOBAL_CEILING = 1000;
    public static final double HARD_PER_USER_CEILING = 30;
    /**
     * Below this nothing is accepted: one message per user every 10 s already holds a
     * conversation back (the per-user rate also paces every private chat the bot sends to).
     */
    public static final double PER_USER_FLOOR = 0.1;
    /** Below this the whole bot would crawl: one message a second across every chat. */
    public static final double GLOBAL_FLOOR = 1;
    public static final int HARD_BURST_CEILING = 1000;
    public static final int DEFAULT_GROUP_PER_MINUTE = 20;
    /** Telegram lets a bot send about one message a second into one private chat. */
    public static final double PRIVATE_CHAT_CEILING = 1.0;
    /** The short burst Telegram tolerates in one private chat. */
    public static final int PRIVATE_CHAT_BURST_CEILING = 3;
    /** How much arrival jitter the send bursts leave room for. */
    public static final Duration JITTER_ALLOWANCE = Duration.ofMillis(250);

    public RateLimits {
        Objects.requireNonNull(profile, "profile");
        List<String> problems = problems(perUser, perUserBurst, global, globalBurst, groupPerMinute, forced);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The default: the normal profile. */
    public static RateLimits defaults() {
        return LimitsProfile.NORMAL.limits();
    }

    /** Every reason these values would be refused, empty when they are fine. */
    public static List<String> problems(double perUser, int perUserBurst, double global, int globalBurst,
                                        int groupPerMinute, boolean forced) {
        List<String> problems = new ArrayList<>();
        withinBounds("per-user rate", perUser, PER_USER_FLOOR, HARD_PER_USER_CEILING, problems);
        withinBounds("global rate", global, GLOBAL_FLOOR, HARD_GLOBAL_CEILING, problems);
        if (perUserBurst < 1 || perUserBurst > HARD_BURST_CEILING) {
            problems.add("per-user burst must be between 1 and " + HARD_BURST_CEILING + ", not " + perUserBurst);
        }
        if (globalBurst < 1 || globalBurst > HARD_BURST_CEILING) {
            problems.add("global burst must be between 1 and " + HARD_BURST_CEILING + ", not " + globalBurst);
        }
        if (groupPerMinute < 1 || groupPerMinute > 60) {
            problems.add("group rate must be between 1 and 60 per minute, not " + groupPerMinute);
        }
        if (!forced && global > TELEGRAM_GLOBAL) {
            problems.add("global rate " + format(global) + "/s is above Telegram's " + format(TELEGRAM_GLOBAL)
                    + "/s; Telegram will answer 429 (add --force only for paid broadcasts)");
        }
        return problems;
    }

    private static void withinBounds(String what, double value, double floor, double ceiling, List<String> problems) {
        if (Double.isNaN(value) || value <= 0) {
            problems.add(what + " must be above zero, not " + format(value));
        } else if (value < floor) {
            problems.add(what + " " + format(value) + "/s is under the floor of " + format(floor) + "/s");
        } else if (value > ceiling) {
            problems.add(what + " " + format(value) + "/s is over the hard ceiling of " + format(ceiling) + "/s");
        }
    }

    static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** One line for logs and operators, e.g. {@code normal (per user 1.5/s burst 5, global 15/s burst 15, groups 20/min)}. */
    public String describe() {
        return profile + " (per user " + format(perUser) + "/s burst " + perUserBurst
                + ", global " + format(global) + "/s burst " + globalBurst
                + ", groups " + groupPerMinute + "/min" + (forced ? ", forced" : "") + ")";
    }

    /**
     * The {@code luvhive set-limits} arguments that store these limits again: the profile
     * when they are a runbook profile's, every value otherwise.
     */
    public String setLimitsArguments() {
        Optional<LimitsProfile> named = named();
        if (named.isPresent()) {
            return "--profile " + named.get().label();
        }
        return "--per-user " + format(perUser) + " --per-user-burst " + perUserBurst + " --global " + format(global)
                + " --global-burst " + globalBurst + " --group-per-minute " + groupPerMinute + (forced ? " --force" : "");
    }

    /** The runbook profile these limits are, if they are one's exactly. */
    public Optional<LimitsProfile> named() {
        return Arrays.stream(LimitsProfile.values()).filter(profile -> profile.limits().equals(this)).findFirst();
    }

    /** What one user may send the bot. */
    public Limit inboundPerUser() {
        return Limit.perSecond(perUser, perUserBurst);
    }

    /** What the bot may send into one private chat. */
    public Limit privateChatSends() {
        double rate = Math.min(perUser, PRIVATE_CHAT_CEILING);
        return Limit.perSecond(rate, withJitterReserve(Math.min(perUserBurst, PRIVATE_CHAT_BURST_CEILING), rate));
    }

    /** What the bot may send into one group. */
    public Limit groupSends() {
        return Limit.perMinute(groupPerMinute, withJitterReserve(Math.min(groupPerMinute, 3), groupPerMinute / 60.0));
    }

    /** What the bot may send in all. */
    public Limit globalSends() {
        return Limit.perSecond(global, withJitterReserve(globalBurst, global));
    }

    /**
     * Part of a send burst is held back: we take a token when a call leaves, Telegram counts
     * it when it arrives, and delays that vary (GC, a busy core, the network) can bring
     * calls closer together than they left. The reserve covers {@link #JITTER_ALLOWANCE}
     * of arrivals at this rate, at least one token; the sustained rate is untouched.
     */
    public static int withJitterReserve(int burst, double ratePerSecond) {
        if (burst <= 1) {
            return burst;
        }
        int reserve = (int) Math.max(1, Math.ceil(ratePerSecond * JITTER_ALLOWANCE.toMillis() / 1000.0));
        return Math.max(1, burst - reserve);
    }
}
