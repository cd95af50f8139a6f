package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.luvhive.testkit.telegram.ChatMessage;

/**
 * What changes in one bot's chats, as JSON events for whoever watches (the page's
 * {@code /sim/bots/{id}/events} stream): messages added, edited, deleted or reacted to,
 * callback answers, chat actions, users, commands. Every message change carries a version
 * from one increasing sequence, so a watcher that also reads a snapshot keeps the newer of
 * the two. Thread-safe; publishing never blocks (a watcher that falls too far behind is
 * dropped and reconnects).
 */
public final class ChatEvents {
    private static final int QUEUE_CAPACITY = 10_000;

    private final ObjectMapper mapper;
    private final AtomicLong versions = new AtomicLong();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Consumer<ChatMessage>> newMessageListeners = new CopyOnWriteArrayList<>();

    public ChatEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One watcher's queue of events. Close it when done. Thread-safe. */
    public final class Subscription implements AutoCloseable {
        private final BlockingQueue<ObjectNode> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private volatile boolean open = true;

        /** The next event, or null after {@code timeout} without one; throws once the subscription ended. */
        public ObjectNode next(Duration timeout) throws InterruptedException {
            if (!open && queue.isEmpty()) {
                throw new IllegalStateException("subscription ended");
            }
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        public boolean isOpen() {
            return open;
        }

        void offer(ObjectNode event) {
            if (open && !queue.offer(event)) {
                close(); // too far behind: it reconnects and starts from a fresh snapshot
            }
        }

        @Override
        public void close() {
            open = false;
            subscriptions.remove(this);
        }
    }

    public Subscription subscribe() {
        Subscription subscription = new Subscription();
        subscriptions.add(subscription);
        return subscription;
    }

    /**
     * Hears every new message (a user's or the bot's) as it is stored, on the thread that
     * stores it and under its chat's lock: for benchmarks that time deliveries without a
     * watcher's JSON and queue. The listener must be quick and must not touch the chat.
     */
    public void onNewMessage(Consumer<ChatMessage> listener) {
        newMessageListeners.add(listener);
    }

    void messageAdded(StoredMessage message) {
        if (newMessageListeners.isEmpty()) {
            return;
        }
        ChatMessage snapshot = message.snapshot();
        newMessageListeners.forEach(listener -> listener.accept(snapshot));
    }

    /** Ends every subscription (the emulator is closing). */
    public void closeAll() {
        subscriptions.forEach(Subscription::close);
    }

    long nextVersion() {
        return versions.incrementAndGet();
    }

    /** A message as the page shows it: the Message, who sent it, its markup and reactions, its version. */
    public ObjectNode messageJson(ChatMessage message, long version) {
        ObjectNode json = mapper.createObjectNode();
        json.put("version", version);
        json.put("from_bot", message.fromBot());
        json.set("message", message.json());
        json.set("reply_markup", message.replyMarkup());
        json.set("reactions", message.reactionTypes() == null ? mapper.createArrayNode() : message.reactionTypes());
        return json;
    }

    void messageChanged(long chatId, StoredMessage message) {
        if (subscriptions.isEmpty()) {
            return;
        }
        ObjectNode event = event("message").put("chat_id", chatId);
        if (message.deleted) {
            event.put("message_id", message.messageId()).put("version", message.version).put("deleted", true);
        } else {
            event.set("entry", messageJson(message.snapshot(), message.version));
        }
        publish(event);
    }

    void callbackAnswered(long chatId, String queryId, JsonNode answer) {
        ObjectNode event = event("callback_answer").put("chat_id", chatId).put("callback_query_id", queryId);
        event.set("answer", answer);
        publish(event);
    }

    void chatAction(long chatId, String action) {
        publish(event("chat_action").put("chat_id", chatId).put("action", action));
    }

    void commandsChanged(JsonNode commands) {
        publish(event("commands").set("commands", commands));
    }

    /** A user was added, or blocked or unblocked the bot. */
    public void userChanged(ObjectNode user) {
        publish(event("user").set("user", user));
    }

    private ObjectNode event(String type) {
        return mapper.createObjectNode().put("type", type);
    }

    private void publish(ObjectNode event) {
        for (Subscription subscription : subscriptions) {
            subscription.offer(event);
        }
    }
}
