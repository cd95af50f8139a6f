package org.luvhive.testkit.telegram;

/**
 * How the bot answered a pressed inline button ({@code answerCallbackQuery}); {@code text}
 * and {@code url} are null when not given. Immutable.
 */
public record CallbackAnswer(String text, boolean showAlert, String url) {
}
