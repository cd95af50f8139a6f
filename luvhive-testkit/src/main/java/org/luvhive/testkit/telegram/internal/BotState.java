package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.luvhive.testkit.telegram.CallbackAnswer;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.WebhookSettings;

/**
 * Everything the emulator knows about one bot: identity, chats, updates, limits, faults,
 * payments, counters. Thread-safe: each part guards itself.
 */
public final class BotState implements AutoCloseable {
    private final BotIdentity identity;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final UpdateQueue updates = new UpdateQueue();
    private final Map<Long, ChatState> chats = new ConcurrentHashMap<>();
    private final Map<String, OpenQuery> callbackQueries = new ConcurrentHashMap<>();
    private final ChatEvents events;
    private final AtomicReference<ArrayNode> commands;
    /** Lists set for another scope or language than the default one, by "scope|language". */
    private final Map<String, ArrayNode> scopedCommands = new ConcurrentHashMap<>();
    private final AtomicLong querySequence = new AtomicLong();
    private final AtomicLong albumSequence = new AtomicLong(13_579_000_000_000_000L);
    private final RateLimiter limiter;
    private final FaultBook faults;
    private final BotStats stats;
    private final MediaFactory media;
    private final PaymentBook payments = new PaymentBook();
    private final WebhookDispatcher dispatcher;

    public BotState(BotIdentity identity, ObjectMapper mapper, Clock clock, EmulatorLimits limits,
                    WebhookSettings webhookSettings, HttpClient webhookClient, int requestLogCapacity) {
        this.identity = identity;
        this.mapper = mapper;
        this.clock = clock;
        this.commands = new AtomicReference<>(mapper.createArrayNode());
        this.events = new ChatEvents(mapper);
        this.limiter = new RateLimiter(limits, clock);
        this.faults = new FaultBook(clock);
        this.stats = new BotStats(requestLogCapacity);
        this.media = new MediaFactory(mapper, identity.id());
        this.dispatcher = new WebhookDispatcher(updates, webhookClient, webhookSettings, clock,
                String.valueOf(identity.id()));
        this.dispatcher.start();
    }

    public BotIdentity identity() {
        return identity;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Clock clock() {
        return clock;
    }

    public long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    public UpdateQueue updates() {
        return updates;
    }

    public RateLimiter limiter() {
        return limiter;
    }

    public FaultBook faults() {
        return faults;
    }

    public BotStats stats() {
        return stats;
    }

    public MediaFactory media() {
        return media;
    }

    public PaymentBook payments() {
        return payments;
    }

    /** The bot as a User object. */
    public ObjectNode botUserJson() {
        return mapper.createObjectNode().put("id", identity.id()).put("is_bot", true)
                .put("first_name", identity.firstName()).put("username", identity.username());
    }

    /** The chat, or 400 {@code chat not found}. */
    public ChatState chat(long chatId) {
        ChatState chat = chats.get(chatId);
        if (chat == null) {
            throw ApiError.badRequest("chat not found");
        }
        return chat;
    }

    public ChatState chatOrNull(long chatId) {
        return chats.get(chatId);
    }

    /** Creates the chat unless it exists; returns the one in the directory. */
    public ChatState addChat(ChatState chat) {
        ChatState existing = chats.putIfAbsent(chat.id(), chat);
        return existing == null ? chat : existing;
    }

    /** Queues an update of {@code type} ({@code message}, {@code callback_query}, ...). */
    public void enqueue(String type, long chatKey, ObjectNode payload) {
        updates.add(type, chatKey, payload, mapper.createObjectNode());
    }

    public String newQueryId() {
        return identity.id() + "" + (1_000_000 + querySequence.incrementAndGet());
    }

    /** A media_group_id for a new album: digits, like Telegram's. */
    public String newAlbumId() {
        return String.valueOf(albumSequence.incrementAndGet());
    }

    /** A pressed button waiting for answerCallbackQuery, and the chat it was pressed in. */
    private record OpenQuery(long chatId, CompletableFuture<CallbackAnswer> answer) {
    }

    public CompletableFuture<CallbackAnswer> openCallbackQuery(String queryId, long chatId) {
        CompletableFuture<CallbackAnswer> answer = new CompletableFuture<>();
        callbackQueries.put(queryId, new OpenQuery(chatId, answer));
        return answer;
    }

    /** Returns false for unknown or already answered queries. */
    public boolean answerCallbackQuery(String queryId, CallbackAnswer answer) {
        OpenQuery query = callbackQueries.remove(queryId);
        if (query == null || !query.answer().complete(answer)) {
            return false;
        }
        events.callbackAnswered(query.chatId(), queryId, mapper.createObjectNode().put("text", answer.text())
                .put("show_alert", answer.showAlert()).put("url", answer.url()));
        return true;
    }

    /** The default list: for all private chats, every language (what the page shows). */
    public ArrayNode commands() {
        return commands.get().deepCopy();
    }

    /**
     * The list Telegram shows in {@code scope} (its JSON {@code type} and {@code chat_id},
     * "" for the default) to users whose app speaks {@code languageCode} ("" for all),
     * falling back as Telegram does: to the scope's list for every language, then to the default.
     */
    public ArrayNode commands(String scope, String languageCode) {
        for (String key : List.of(scope + "|" + languageCode, scope + "|", "|" + languageCode)) {
            ArrayNode found = scopedCommands.get(key);
            if (found != null) {
                return found.deepCopy();
            }
        }
        return commands();
    }

    /** Sets the list of one scope and language ("" and "": the default list). */
    public void setCommands(String scope, String languageCode, ArrayNode newCommands) {
        if (scope.isEmpty() && languageCode.isEmpty()) {
            setCommands(newCommands);
        } else {
            scopedCommands.put(scope + "|" + languageCode, newCommands.deepCopy());
        }
    }

    public void setCommands(ArrayNode newCommands) {
        commands.set(newCommands.deepCopy());
        events.commandsChanged(newCommands.deepCopy());
    }

    /** Changes in this bot's chats, for watchers such as the page. */
    public ChatEvents events() {
        return events;
    }

    /** Every chat with a user (not groups), in the order they were opened. */
    public List<ChatState> privateChats() {
        return chats.values().stream().filter(ChatState::isPrivate).sorted(Comparator.comparingLong(ChatState::id))
                .toList();
    }

    /** 429 unless the limits admit one more send into {@code chatId}. */
    public void admitSend(long chatId) {
        RateLimiter.Decision decision = limiter.admit(chatId);
        if (!decision.allowed()) {
            throw ApiError.tooManyRequests(decision.retryAfter());
        }
    }

    @Override
    public void close() {
        events.closeAll();
        dispatcher.close();
        updates.close();
    }
}
