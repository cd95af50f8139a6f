package org.luvhive.testkit.telegram.internal;

import java.util.regex.Pattern;

/**
 * A bot's token and who it is. Immutable. {@link #toString()} masks the token, so it can be logged.
 */
public record BotIdentity(long id, String token, String username, String firstName) {
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,19}):([A-Za-z0-9_-]{30,50})");

    /** Whether {@code token} looks like a real bot token ({@code <digits>:<30-50 chars>}). */
    public static boolean isWellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    public static BotIdentity forToken(String token, String username, String firstName) {
        if (!isWellFormed(token)) {
            throw new IllegalArgumentException("not a bot token (<digits>:<30-50 of A-Z a-z 0-9 _ ->): "
                    + mask(token));
        }
        long id = Long.parseLong(token.substring(0, token.indexOf(':')));
        String name = username != null ? username : "emulated_" + id + "_bot";
        return new BotIdentity(id, token, name, firstName != null ? firstName : "Emulated Bot " + id);
    }

    /** {@code 123456:AB…yz}: enough to tell tokens apart in a log, not enough to use one. */
    public static String mask(String token) {
        if (token == null) {
            return "null";
        }
        int colon = token.indexOf(':');
        String secret = colon < 0 ? token : token.substring(colon + 1);
        String prefix = colon < 0 ? "" : token.substring(0, colon + 1);
        if (secret.length() < 8) {
            return prefix + "…";
        }
        return prefix + secret.substring(0, 2) + "…" + secret.substring(secret.length() - 2);
    }

    @Override
    public String toString() {
        return "BotIdentity[id=" + id + ", token=" + mask(token) + ", username=" + username + "]";
    }
}
