package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.luvhive.testkit.telegram.CallbackAnswer;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.PaymentOutcome;

/**
 * What simulated users do to one bot, turned into messages and updates. Thread-safe:
 * state lives in the bot's chats and queues.
 */
public final class UserActions {
    private final BotState bot;

    public UserActions(BotState bot) {
        this.bot = bot;
    }

    public BotState bot() {
        return bot;
    }

    /** The private chat with a user, created on first use. */
    public ChatState privateChat(ObjectNode user) {
        ObjectNode chat = bot.mapper().createObjectNode();
        chat.put("id", user.get("id").asLong());
        chat.put("first_name", user.get("first_name").asText());
        if (user.hasNonNull("last_name")) {
            chat.put("last_name", user.get("last_name").asText());
        }
        if (user.hasNonNull("username")) {
            chat.put("username", user.get("username").asText());
        }
        chat.put("type", "private");
        return bot.addChat(new ChatState(user.get("id").asLong(), chat, user, bot.events()));
    }

    public ChatState group(long id, String title) {
        ObjectNode chat = bot.mapper().createObjectNode().put("id", id).put("title", title).put("type", "supergroup");
        return bot.addChat(new ChatState(id, chat, null, bot.events()));
    }

    /** A user's new message; {@code content} adds text, media, reply_to_message... */
    public ChatMessage post(ChatState chat, ObjectNode from, Consumer<ObjectNode> content) {
        requireNotBlocked(chat);
        StoredMessage stored = chat.append(messageId -> {
            ObjectNode message = Outbox.header(bot, chat, messageId, from.deepCopy());
            content.accept(message);
            return new StoredMessage(message, false);
        });
        chat.markStarted();
        ChatMessage snapshot = chat.snapshot(stored);
        bot.enqueue("message", chat.id(), (ObjectNode) snapshot.json().deepCopy());
        return snapshot;
    }

    /** Adds text with the entities a Telegram client and server find in it ({@code /command}, URLs, mentions). */
    public static void putText(ObjectNode message, String text) {
        message.put("text", text);
        FormattedText found = FormattedText.parse(text, null).withFoundEntities();
        if (!found.entities().isEmpty()) {
            ArrayNode entities = message.putArray("entities");
            found.entities().forEach(entity -> entities.addObject().put("offset", entity.offset())
                    .put("length", entity.length()).put("type", entity.type()));
        }
    }

    /** The reply_to_message value for a reply to {@code messageId}. */
    public ObjectNode replyTarget(ChatState chat, int messageId) {
        StoredMessage target = chat.find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId + " in chat " + chat.id()));
        ObjectNode copy = (ObjectNode) chat.snapshot(target).json().deepCopy();
        copy.remove("reply_to_message");
        return copy;
    }

    public ChatMessage edit(ChatState chat, long userId, int messageId, String newText) {
        requireNotBlocked(chat);
        StoredMessage stored = chat.find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId + " in chat " + chat.id()));
        ChatMessage edited = chat.modify(stored, message -> {
            if (message.fromBot || message.json.path("from").path("id").asLong() != userId) {
                throw new IllegalArgumentException("message " + messageId + " was not sent by user " + userId);
            }
            if (!message.json.has("text")) {
                throw new IllegalArgumentException("message " + messageId + " has no text to edit");
            }
            message.json.remove("entities");
            putText(message.json, newText);
            message.json.put("edit_date", bot.nowSeconds());
            return message.snapshot();
        });
        bot.enqueue("edited_message", chat.id(), (ObjectNode) edited.json().deepCopy());
        return edited;
    }

    /** A pressed button: the callback query's id and the bot's answer to come. */
    public record Press(String queryId, CompletableFuture<CallbackAnswer> answer) {
    }

    /** Presses an inline button, sending a callback_query update. */
    public Press press(ChatState chat, ObjectNode from, int messageId, String data) {
        requireNotBlocked(chat);
        StoredMessage stored = chat.find(messageId)
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId + " in chat " + chat.id()));
        ChatMessage message = chat.snapshot(stored);
        if (!message.hasCallbackButton(data)) {
            throw new IllegalArgumentException("message " + messageId + " has no button with callback_data \""
                    + data + "\"; buttons: " + message.inlineButtons());
        }
        String queryId = bot.newQueryId();
        CompletableFuture<CallbackAnswer> answer = bot.openCallbackQuery(queryId, chat.id());
        ObjectNode query = bot.mapper().createObjectNode();
        query.put("id", queryId);
        query.set("from", from.deepCopy());
        query.set("message", message.json().deepCopy());
        query.put("chat_instance", String.valueOf(chat.id() * 31 + bot.identity().id()));
        query.put("data", data);
        bot.enqueue("callback_query", chat.id(), query);
        return new Press(queryId, answer);
    }

    /**
     * Pays an invoice: sends pre_checkout_query, waits up to {@code answerTimeout} for the
     * bot's answer, and on ok sends the successful_payment message.
     */
    public PaymentOutcome pay(ChatState chat, ObjectNode from, int invoiceMessageId, Duration answerTimeout)
            throws InterruptedException {
        requireNotBlocked(chat);
        StoredMessage.Invoice invoice = chat.find(invoiceMessageId)
                .map(message -> chat.modify(message, stored -> stored.invoice))
                .orElseThrow(() -> new IllegalArgumentException("no invoice message " + invoiceMessageId));
        String queryId = bot.newQueryId();
        CompletableFuture<PaymentBook.CheckoutAnswer> answer = bot.payments().open(queryId);
        bot.enqueue("pre_checkout_query", chat.id(),
                PaymentMethods.preCheckoutQuery(bot, queryId, from.deepCopy(), invoice));
        PaymentBook.CheckoutAnswer checkout;
        try {
            checkout = answer.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            bot.payments().expire(queryId);
            return new PaymentOutcome(PaymentOutcome.Status.TIMED_OUT, null, null, null);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (!checkout.ok()) {
            return new PaymentOutcome(PaymentOutcome.Status.DECLINED, null, checkout.errorMessage(), null);
        }
        String chargeId = bot.payments().newCharge(from.get("id").asLong(), invoice.totalAmount());
        ChatMessage paid = post(chat, from, message -> message.putObject("successful_payment")
                .put("currency", invoice.currency()).put("total_amount", invoice.totalAmount())
                .put("invoice_payload", invoice.payload()).put("telegram_payment_charge_id", chargeId)
                .put("provider_payment_charge_id", ""));
        return new PaymentOutcome(PaymentOutcome.Status.PAID, chargeId, null, paid);
    }

    /** Blocking sends my_chat_member (member → kicked); unblocking sends it back and /start. */
    public void setBlocked(ChatState chat, ObjectNode user, boolean blocked) {
        if (chat.isBlocked() == blocked) {
            return;
        }
        chat.setBlocked(blocked);
        bot.events().userChanged(userSummary(chat));
        ObjectNode update = bot.mapper().createObjectNode();
        update.set("chat", chat.chatJson());
        update.set("from", user.deepCopy());
        update.put("date", bot.nowSeconds());
        update.set("old_chat_member", member(blocked ? "member" : "kicked"));
        update.set("new_chat_member", member(blocked ? "kicked" : "member"));
        bot.enqueue("my_chat_member", chat.id(), update);
        if (!blocked) {
            post(chat, user, message -> putText(message, "/start"));
        }
    }

    /** The user of a private chat as the page lists it: the User object plus whether the bot is blocked. */
    public ObjectNode userSummary(ChatState chat) {
        ObjectNode summary = chat.userJson();
        summary.put("blocked", chat.isBlocked());
        return summary;
    }

    private ObjectNode member(String status) {
        ObjectNode member = bot.mapper().createObjectNode().put("status", status);
        member.set("user", bot.botUserJson());
        if (status.equals("kicked")) {
            member.put("until_date", 0);
        }
        return member;
    }

    private static void requireNotBlocked(ChatState chat) {
        if (chat.isPrivate() && chat.isBlocked()) {
            throw new IllegalStateException("user " + chat.id() + " has blocked the bot; call unblockBot() first");
        }
    }
}
