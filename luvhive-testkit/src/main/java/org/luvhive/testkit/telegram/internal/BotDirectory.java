package org.luvhive.testkit.telegram.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The bots an emulator knows, by token. With auto-registration, any well-formed token is
 * accepted on first use (for the standalone sandbox); otherwise only registered ones are.
 * Thread-safe.
 */
public final class BotDirectory implements AutoCloseable {
    private final Map<String, BotState> byToken = new ConcurrentHashMap<>();
    private final Function<BotIdentity, BotState> factory;
    private final boolean autoRegister;

    public BotDirectory(Function<BotIdentity, BotState> factory, boolean autoRegister) {
        this.factory = factory;
        this.autoRegister = autoRegister;
    }

    /** Registers the bot unless a bot with this token exists; returns the registered one. */
    public BotState register(String token, String username, String firstName) {
        return byToken.computeIfAbsent(token, key -> factory.apply(BotIdentity.forToken(key, username, firstName)));
    }

    /** The bot for a token from a request, or null: the caller answers 401. */
    public BotState find(String token) {
        BotState bot = byToken.get(token);
        if (bot == null && autoRegister && BotIdentity.isWellFormed(token)) {
            bot = register(token, null, null);
        }
        return bot;
    }

    /**
     * What BotFather's /revoke does: the bot gets a new token (same id, same chats and
     * updates) and the old token stops working.
     */
    public BotState rotate(String oldToken, String newToken) {
        BotState bot = byToken.get(oldToken);
        if (bot == null) {
            throw new IllegalArgumentException("no bot with that token");
        }
        if (!BotIdentity.isWellFormed(newToken) || BotIdentity.forToken(newToken, null, null).id() != bot.identity().id()) {
            throw new IllegalArgumentException("a new token must keep the bot id before the colon");
        }
        byToken.put(newToken, bot);
        byToken.remove(oldToken);
        return bot;
    }

    public BotState findById(long botId) {
        return byToken.values().stream().filter(bot -> bot.identity().id() == botId).findFirst().orElse(null);
    }

    public Collection<BotState> all() {
        return List.copyOf(new LinkedHashSet<>(byToken.values()));
    }

    @Override
    public void close() {
        byToken.values().forEach(BotState::close);
    }
}
