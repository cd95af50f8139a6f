package org.luvhive.testkit.telegram;

import java.time.Duration;
import org.luvhive.testkit.telegram.internal.FaultBook;

/**
 * Injects faults into one bot's Bot API calls. A rule matches by method (any method when
 * null; case-insensitive) and by {@code chat_id} (any chat when null), and is used up after
 * {@code times} matching calls or after {@code duration} has passed on the emulator's clock.
 * The oldest matching rule wins. Thread-safe.
 */
public final class FaultInjector {
    private final FaultBook book;

    FaultInjector(FaultBook book) {
        this.book = book;
    }

    /** The next {@code times} calls of {@code method} get {@code fault}. */
    public FaultInjector failNext(String method, int times, Fault fault) {
        book.add(method, null, times, null, fault);
        return this;
    }

    /** Every call of {@code method} (null: any method) during {@code duration} gets {@code fault}. */
    public FaultInjector failFor(String method, Duration duration, Fault fault) {
        book.add(method, null, Integer.MAX_VALUE, duration, fault);
        return this;
    }

    /** The next {@code times} calls with {@code chat_id = chatId}, whatever the method, get {@code fault}. */
    public FaultInjector failNextInChat(long chatId, int times, Fault fault) {
        book.add(null, chatId, times, null, fault);
        return this;
    }

    /** Every call with {@code chat_id = chatId} during {@code duration} gets {@code fault}. */
    public FaultInjector failChatFor(long chatId, Duration duration, Fault fault) {
        book.add(null, chatId, Integer.MAX_VALUE, duration, fault);
        return this;
    }

    /** The general form: any of {@code method} and {@code chatId} may be null (= any). */
    public FaultInjector add(String method, Long chatId, int times, Duration duration, Fault fault) {
        book.add(method, chatId, times, duration, fault);
        return this;
    }

    /** Removes every rule. */
    public void clear() {
        book.clear();
    }

    /** Rules not yet used up. */
    public int activeRules() {
        return book.size();
    }
}
