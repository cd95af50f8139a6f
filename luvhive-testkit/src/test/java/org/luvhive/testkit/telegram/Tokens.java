package org.luvhive.testkit.telegram;

/** Well-formed bot tokens for tests. */
final class Tokens {
    private Tokens() {
    }

    static String token(long botId) {
        return botId + ":AAH" + "x".repeat(30) + "Q_z";
    }
}
