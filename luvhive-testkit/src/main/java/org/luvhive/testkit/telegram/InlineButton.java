package org.luvhive.testkit.telegram;

/**
 * One button of an inline keyboard as the user sees it; {@code callbackData} or {@code url}
 * is null when the button has none. Immutable.
 */
public record InlineButton(String text, String callbackData, String url) {
}
