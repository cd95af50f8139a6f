package org.luvhive.testkit.telegram.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.luvhive.testkit.telegram.Fault;

/** The fault rules of one bot; see {@code FaultInjector}. Thread-safe (synchronized). */
public final class FaultBook {
    private final Clock clock;
    private final List<Rule> rules = new ArrayList<>();

    private static final class Rule {
        final String method;
        final Long chatId;
        final Instant until;
        final Fault fault;
        int remaining;

        Rule(String method, Long chatId, int remaining, Instant until, Fault fault) {
            this.method = method;
            this.chatId = chatId;
            this.remaining = remaining;
            this.until = until;
            this.fault = fault;
        }
    }

    public FaultBook(Clock clock) {
        this.clock = clock;
    }

    public synchronized void add(String method, Long chatId, int times, Duration duration, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        Instant until = duration == null ? null : clock.instant().plus(duration);
        rules.add(new Rule(method == null ? null : method.toLowerCase(Locale.ROOT), chatId, times, until, fault));
    }

    /** The fault for this call, using up one of the matching rule's times. */
    public synchronized Optional<Fault> match(String methodLowerCase, Long chatId) {
        Instant now = clock.instant();
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.until != null && !now.isBefore(rule.until)) {
                it.remove();
                continue;
            }
            boolean methodMatches = rule.method == null || rule.method.equals(methodLowerCase);
            boolean chatMatches = rule.chatId == null || rule.chatId.equals(chatId);
            if (methodMatches && chatMatches) {
                if (--rule.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized int size() {
        return rules.size();
    }
}
