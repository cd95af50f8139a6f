package org.luvhive.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How searching behaves: when a waiting user is offered to widen their filters
 * ({@code SEARCH_WIDEN_AFTER}), what a paid search promises ({@code SEARCH_PROMISE}: a paid
 * boost finds a partner within it or its Stars come back, a premium filter search or the
 * time is credited to premium) and what a paid boost costs ({@code BOOST_PRICE}, Stars).
 * Immutable.
 */
public record SearchConfig(Duration widenAfter, Duration promise, int boostStars) {

    public static final Duration DEFAULT_WIDEN_AFTER = Duration.ofMinutes(2);
    public static final Duration DEFAULT_PROMISE = Duration.ofMinutes(10);
    public static final int DEFAULT_BOOST_STARS = 25;
    /** Bounds, in seconds: an offer sooner than 30 s is nagging; later than an hour is silence. */
    public static final long MIN_WIDEN_SECONDS = 30;
    public static final long MAX_WIDEN_SECONDS = 3_600;
    public static final long MIN_PROMISE_SECONDS = 60;
    public static final long MAX_PROMISE_SECONDS = 86_400;
    public static final int MAX_BOOST_STARS = 10_000;

    public SearchConfig {
        List<String> problems = new ArrayList<>();
        if (widenAfter.toSeconds() < MIN_WIDEN_SECONDS || widenAfter.toSeconds() > MAX_WIDEN_SECONDS) {
            problems.add("the widen offer must come after " + MIN_WIDEN_SECONDS + " to " + MAX_WIDEN_SECONDS
                    + " seconds");
        }
        if (promise.toSeconds() < MIN_PROMISE_SECONDS || promise.toSeconds() > MAX_PROMISE_SECONDS) {
            problems.add("the promised time must be " + MIN_PROMISE_SECONDS + " to " + MAX_PROMISE_SECONDS + " seconds");
        }
        if (boostStars < 1 || boostStars > MAX_BOOST_STARS) {
            problems.add("a paid boost must cost 1 to " + MAX_BOOST_STARS + " Stars");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public static SearchConfig defaults() {
        return new SearchConfig(DEFAULT_WIDEN_AFTER, DEFAULT_PROMISE, DEFAULT_BOOST_STARS);
    }

    public SearchConfig withWidenAfter(Duration other) {
        return new SearchConfig(other, promise, boostStars);
    }

    public SearchConfig withPromise(Duration other) {
        return new SearchConfig(widenAfter, other, boostStars);
    }

    /** Seconds from {@code min} to {@code max}, as the keys take them; the message names the bounds, not the value. */
    static Duration seconds(String raw, long min, long max) {
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException notANumber) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("must be a whole number of seconds from " + min + " to " + max);
    }

    static int stars(String raw) {
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= MAX_BOOST_STARS) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("must be a whole number of Stars from 1 to " + MAX_BOOST_STARS);
    }
}
