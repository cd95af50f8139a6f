package org.luvhive.core.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Telegram bot token, {@code <bot id>:<secret>}. The bot id is public (it is the
 * bot's user id); the part after the colon is the secret and is masked everywhere:
 * {@code 123456:AB…yz}. Immutable and thread-safe.
 */
public final class BotToken {

    private static final Pattern SHAPE = Pattern.compile("^([0-9]{1,20}):([A-Za-z0-9_-]{30,100})$");

    private final long botId;
    private final Secret token;
    private final String masked;

    private BotToken(long botId, String token) {
        this.botId = botId;
        this.token = Secret.of(token);
        String secretPart = token.substring(token.indexOf(':') + 1);
        this.masked = botId + ":" + secretPart.substring(0, 2) + "…" + secretPart.substring(secretPart.length() - 2);
    }

    /**
     * Parses a token, or throws {@link IllegalArgumentException} with a message that
     * describes what is wrong without repeating the value.
     */
    public static BotToken parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String trimmed = raw.strip();
        var matcher = SHAPE.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "is not a bot token: expected <digits>:<30 or more of A-Z a-z 0-9 _ ->, as BotFather issues it");
        }
        long id;
        try {
            id = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException tooLong) {
            throw new IllegalArgumentException("is not a bot token: the bot id before ':' is out of range");
        }
        return new BotToken(id, trimmed);
    }

    public static boolean looksValid(String raw) {
        return raw != null && SHAPE.matcher(raw.strip()).matches();
    }

    /** The bot's own Telegram user id, the number before the colon. */
    public long botId() {
        return botId;
    }

    /** The full token, for the HTTP client only. */
    public String reveal() {
        return token.reveal();
    }

    public String masked() {
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BotToken that && token.equals(that.token);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(botId);
    }

    @Override
    public String toString() {
        return masked;
    }
}
