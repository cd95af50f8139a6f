package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.luvhive.testkit.telegram.internal.ChatReader;
import org.luvhive.testkit.telegram.internal.ChatState;
import org.luvhive.testkit.telegram.internal.UserActions;

/**
 * A Telegram user in a private chat with one emulated bot. Each action produces the update a
 * real client would cause; reading methods show what the chat holds. Thread-safe; the
 * {@code awaitMessage} cursor is per instance.
 */
public final class SimulatedUser {
    private final ObjectNode user;
    private final UserActions actions;
    private final ChatReader reader;
    private final Duration paymentAnswerTimeout;

    SimulatedUser(ObjectNode user, UserActions actions, Duration paymentAnswerTimeout) {
        this.user = user;
        this.actions = actions;
        this.reader = new ChatReader(actions.privateChat(user));
        this.paymentAnswerTimeout = paymentAnswerTimeout;
    }

    public long id() {
        return user.get("id").asLong();
    }

    /** The private chat's id, which Telegram makes equal to the user's id. */
    public long chatId() {
        return id();
    }

    public String firstName() {
        return user.get("first_name").asText();
    }

    public String languageCode() {
        return user.path("language_code").asText(null);
    }

    /** The User object the bot sees. */
    ObjectNode userJson() {
        return user.deepCopy();
    }

    /** The User object plus {@code blocked}: how the page and {@code GET /sim/.../users} list a user. */
    public ObjectNode summary() {
        return actions.userSummary(chat());
    }

    private ChatState chat() {
        return reader.chat();
    }

    public ChatMessage sendText(String text) {
        Objects.requireNonNull(text, "text");
        return actions.post(chat(), user, message -> UserActions.putText(message, text));
    }

    /** {@code sendCommand("start")} and {@code sendCommand("/start")} both send {@code /start}. */
    public ChatMessage sendCommand(String command) {
        return sendText(command.startsWith("/") ? command : "/" + command);
    }

    /** A command with arguments, like a deep link's {@code /start ref123}. */
    public ChatMessage sendCommand(String command, String arguments) {
        return sendCommand(command + " " + arguments);
    }

    public ChatMessage sendMedia(MediaKind kind, String captionOrNull) {
        return actions.post(chat(), user, message -> {
            message.set(kind.field(), actions.bot().media().create(kind, null));
            if (kind == MediaKind.ANIMATION) {
                message.set("document", message.get(kind.field()).deepCopy());
            }
            if (captionOrNull != null && kind.takesCaption()) {
                message.put("caption", captionOrNull);
            }
        });
    }

    /** A medium with a caption and its entities (a Bot API MessageEntity array), as a client formats it. */
    public ChatMessage sendMedia(MediaKind kind, String caption, JsonNode captionEntities) {
        return actions.post(chat(), user, message -> {
            message.set(kind.field(), actions.bot().media().create(kind, null));
            message.put("caption", caption);
            message.set("caption_entities", captionEntities.deepCopy());
        });
    }

    public ChatMessage sendPhoto(String caption) {
        return sendMedia(MediaKind.PHOTO, caption);
    }

    public ChatMessage sendPhoto() {
        return sendMedia(MediaKind.PHOTO, null);
    }

    public ChatMessage sendVideo() {
        return sendMedia(MediaKind.VIDEO, null);
    }

    public ChatMessage sendVoice() {
        return sendMedia(MediaKind.VOICE, null);
    }

    public ChatMessage sendVideoNote() {
        return sendMedia(MediaKind.VIDEO_NOTE, null);
    }

    public ChatMessage sendAudio() {
        return sendMedia(MediaKind.AUDIO, null);
    }

    public ChatMessage sendDocument() {
        return sendMedia(MediaKind.DOCUMENT, null);
    }

    public ChatMessage sendSticker() {
        return sendMedia(MediaKind.STICKER, null);
    }

    public ChatMessage sendAnimation() {
        return sendMedia(MediaKind.ANIMATION, null);
    }

    public ChatMessage sendLocation(double latitude, double longitude) {
        return actions.post(chat(), user, message -> message.putObject("location")
                .put("latitude", latitude).put("longitude", longitude));
    }

    public ChatMessage sendContact(String phoneNumber, String firstName) {
        return actions.post(chat(), user, message -> message.putObject("contact")
                .put("phone_number", phoneNumber).put("first_name", firstName).put("user_id", id()));
    }

    /** A text message replying to {@code toMessageId} (the bot's or the user's). */
    public ChatMessage reply(int toMessageId, String text) {
        ObjectNode target = actions.replyTarget(chat(), toMessageId);
        return actions.post(chat(), user, message -> {
            message.set("reply_to_message", target);
            UserActions.putText(message, text);
        });
    }

    /** Edits one of this user's text messages; the bot gets an edited_message update. */
    public ChatMessage edit(int messageId, String newText) {
        return actions.edit(chat(), id(), messageId, newText);
    }

    /** Presses the inline button with {@code callbackData} under {@code message}. */
    public ButtonPress press(ChatMessage message, String callbackData) {
        UserActions.Press press = actions.press(chat(), user, message.messageId(), callbackData);
        return new ButtonPress(press.queryId(), press.answer());
    }

    /**
     * Pays an invoice message in Stars: pre_checkout_query, then successful_payment if the
     * bot answers ok within the emulator's payment timeout. Blocks until then.
     */
    public PaymentOutcome pay(ChatMessage invoice) {
        if (!invoice.isInvoice()) {
            throw new IllegalArgumentException("not an invoice message: " + invoice);
        }
        try {
            return actions.pay(chat(), user, invoice.messageId(), paymentAnswerTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paying", e);
        }
    }

    /** Blocks the bot: sends to this user get 403 until {@link #unblockBot()}. */
    public void blockBot() {
        actions.setBlocked(chat(), user, true);
    }

    /** Unblocks the bot the way Telegram clients do: the bot gets /start again. */
    public void unblockBot() {
        actions.setBlocked(chat(), user, false);
    }

    public boolean hasBlockedBot() {
        return chat().isBlocked();
    }

    /** Messages from the bot in this chat, oldest first, as they are now (edits applied, deletions gone). */
    public List<ChatMessage> received() {
        return reader.received();
    }

    /** Every message in the chat, the user's included. */
    public List<ChatMessage> history() {
        return reader.history();
    }

    /**
     * Waits for the first bot message after the last one an await returned that matches
     * {@code predicate}; messages already received count. Fails with {@link MessageNotReceivedError}.
     */
    public ChatMessage awaitMessage(Predicate<ChatMessage> predicate, Duration timeout) {
        return reader.await(predicate, timeout, "matching message");
    }

    /** The next bot message after the last one an await returned. */
    public ChatMessage awaitMessage(Duration timeout) {
        return reader.await(message -> true, timeout, "message");
    }

    /** The next bot message whose text or caption contains {@code fragment}. */
    public ChatMessage awaitMessageContaining(String fragment, Duration timeout) {
        return reader.await(message -> message.text().contains(fragment), timeout,
                "message containing \"" + fragment + "\"");
    }

    /** Every message of the chat as the page shows it (with versions; see {@code ChatEvents}). */
    List<ObjectNode> entries() {
        return chat().entries();
    }

    /** Makes the next await ignore everything received so far. */
    public void skipReceived() {
        reader.skipReceived();
    }

    @Override
    public String toString() {
        return "SimulatedUser[" + id() + " " + firstName() + "]";
    }
}
