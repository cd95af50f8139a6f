package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.luvhive.testkit.telegram.internal.BotState;
import org.luvhive.testkit.telegram.internal.ChatEvents;
import org.luvhive.testkit.telegram.internal.MediaFactory;
import org.luvhive.testkit.telegram.internal.UpdateQueue;
import org.luvhive.testkit.telegram.internal.UserActions;
import org.luvhive.testkit.telegram.internal.WebhookConfig;

/**
 * One bot token the emulator serves, seen from the test side: its simulated users and
 * groups, fault injection, counters and request log, webhook state. Thread-safe.
 */
public final class EmulatedBot {
    private final BotState state;
    private final UserActions actions;
    private final LongSupplier userIds;
    private final LongSupplier groupIds;
    private final Duration paymentAnswerTimeout;
    private final FaultInjector faults;
    private final Map<Long, SimulatedUser> users = new ConcurrentHashMap<>();
    private final Map<Long, SimulatedGroup> groups = new ConcurrentHashMap<>();

    EmulatedBot(BotState state, LongSupplier userIds, LongSupplier groupIds, Duration paymentAnswerTimeout) {
        this.state = state;
        this.actions = new UserActions(state);
        this.userIds = userIds;
        this.groupIds = groupIds;
        this.paymentAnswerTimeout = paymentAnswerTimeout;
        this.faults = new FaultInjector(state.faults());
    }

    /** The number before the colon of the token. */
    public long id() {
        return state.identity().id();
    }

    public String username() {
        return state.identity().username();
    }

    public String token() {
        return state.identity().token();
    }

    /** A new user with a fresh id and language "en". */
    public SimulatedUser newUser(String firstName) {
        return newUser(userIds.getAsLong(), firstName, "en");
    }

    /** The user with this id (the same instance when asked twice). */
    public SimulatedUser newUser(long userId, String firstName, String languageCode) {
        return newUser(userId, firstName, languageCode, null);
    }

    /** The user with this id and a Telegram {@code @username} ({@code null}: none), the same instance when asked twice. */
    public SimulatedUser newUser(long userId, String firstName, String languageCode, String username) {
        if (userId <= 0) {
            throw new IllegalArgumentException("user ids are positive, was " + userId);
        }
        SimulatedUser existing = users.get(userId);
        if (existing != null) {
            return existing;
        }
        SimulatedUser created = users.computeIfAbsent(userId, id -> {
            ObjectNode user = state.mapper().createObjectNode();
            user.put("id", id).put("is_bot", false).put("first_name", firstName);
            if (languageCode != null) {
                user.put("language_code", languageCode);
            }
            if (username != null) {
                user.put("username", username);
            }
            return new SimulatedUser(user, actions, paymentAnswerTimeout);
        });
        state.events().userChanged(created.summary());
        return created;
    }

    /** Every simulated user of this bot, oldest first. */
    public List<SimulatedUser> users() {
        return users.values().stream().sorted(Comparator.comparingLong(SimulatedUser::id)).toList();
    }

    /** A user created before, by id. */
    public SimulatedUser user(long userId) {
        SimulatedUser user = users.get(userId);
        if (user == null) {
            throw new IllegalArgumentException("no simulated user " + userId + " for bot " + id());
        }
        return user;
    }

    public SimulatedGroup newGroup(String title) {
        long groupId = groupIds.getAsLong();
        return groups.computeIfAbsent(groupId, id -> new SimulatedGroup(id, title, actions));
    }

    public SimulatedGroup group(long groupId) {
        SimulatedGroup group = groups.get(groupId);
        if (group == null) {
            throw new IllegalArgumentException("no simulated group " + groupId + " for bot " + id());
        }
        return group;
    }

    public FaultInjector faults() {
        return faults;
    }

    /**
     * Queues an update exactly as {@code raw} is written, to see what a bot does with one
     * Telegram's own clients would never produce (a NUL in a text, fields missing, {@code
     * null}, deep nesting, megabytes): getUpdates returns it as it is, a webhook gets it as
     * the body. Each {@code ${update_id}} becomes the update's number; {@code type} is its
     * kind for the bot's allowed_updates filter. Returns the number (0 when filtered out).
     */
    public int injectRawUpdate(String type, String raw) {
        return state.updates().addRaw(type, raw, state.mapper().createObjectNode());
    }

    public EmulatorStats stats() {
        return state.stats().snapshot();
    }

    /** Every call, oldest first, up to the emulator's log capacity. */
    public List<LoggedRequest> requestLog() {
        return state.stats().log();
    }

    public void resetStats() {
        state.stats().reset();
    }

    public EmulatorLimits limits() {
        return state.limiter().limits();
    }

    /** Replaces this bot's limits at run time, forgetting all bucket and penalty state. */
    public void setLimits(EmulatorLimits limits) {
        state.limiter().reconfigure(limits);
    }

    public WebhookStatus webhookStatus() {
        WebhookConfig webhook = state.updates().webhook();
        UpdateQueue.WebhookErrorState errors = state.updates().webhookErrors();
        return new WebhookStatus(webhook == null ? "" : webhook.url(), state.updates().pendingCount(),
                errors.lastErrorDate(), errors.lastErrorMessage(), webhook == null ? 0 : webhook.maxConnections());
    }

    /** Updates not yet confirmed by getUpdates or delivered to the webhook. */
    public int pendingUpdateCount() {
        return state.updates().pendingCount();
    }

    /** Whether a long poll (getUpdates with a timeout) is parked right now: the bot is listening. */
    public boolean isLongPolling() {
        return state.updates().hasWaitingPoll();
    }

    /** The commands set by setMyCommands, as a JSON array of BotCommand. */
    public JsonNode commands() {
        return state.commands();
    }

    /**
     * Calls {@code listener} with every new message in this bot's chats (the users' and the
     * bot's), at the moment it is stored: on the storing thread, under the chat's lock, so it
     * must be quick. For benchmarks timing deliveries.
     */
    public void onNewMessage(Consumer<ChatMessage> listener) {
        state.events().onNewMessage(listener);
    }

    /**
     * The commands a user whose app speaks {@code languageCode} sees in their private chat
     * (the list set for that language, else the default), as Telegram picks them.
     */
    public JsonNode commands(String languageCode) {
        return state.commands("", languageCode);
    }

    /** Changes in this bot's chats, for the page's event stream. */
    ChatEvents events() {
        return state.events();
    }

    /** A file by file_id, for the page (which must not need the bot's token to show a photo). */
    Optional<MediaFactory.StoredFile> file(String fileId) {
        return state.media().file(fileId);
    }

    public boolean isRefunded(String telegramPaymentChargeId) {
        return state.payments().isRefunded(telegramPaymentChargeId);
    }

    @Override
    public String toString() {
        return "EmulatedBot[" + state.identity() + "]";
    }
}
