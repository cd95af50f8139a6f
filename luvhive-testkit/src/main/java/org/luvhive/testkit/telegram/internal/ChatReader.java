package org.luvhive.testkit.telegram.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.MessageNotReceivedError;

/**
 * Reads one chat for a test: everything received, and waiting for the next matching bot
 * message after a cursor that each successful wait moves forward. Thread-safe.
 */
public final class ChatReader {
    private final ChatState chat;
    private final AtomicInteger cursor = new AtomicInteger();

    public ChatReader(ChatState chat) {
        this.chat = chat;
    }

    public ChatState chat() {
        return chat;
    }

    public List<ChatMessage> received() {
        return chat.messages(true);
    }

    public List<ChatMessage> history() {
        return chat.messages(false);
    }

    public ChatMessage await(Predicate<ChatMessage> predicate, Duration timeout, String what) {
        try {
            Optional<ChatMessage> found = chat.awaitBotMessage(cursor.get(), predicate, timeout);
            if (found.isEmpty()) {
                throw new MessageNotReceivedError("chat " + chat.id() + " received no " + what + " within "
                        + timeout + " after message #" + cursor.get() + "; bot messages: " + received());
            }
            cursor.accumulateAndGet(found.get().messageId(), Math::max);
            return found.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageNotReceivedError("interrupted while waiting for " + what + " in chat " + chat.id());
        }
    }

    /** Skips every message received so far: the next wait only sees newer ones. */
    public void skipReceived() {
        received().forEach(message -> cursor.accumulateAndGet(message.messageId(), Math::max));
    }
}
