package org.luvhive.core.telegram;

/** What kind of failure a Bot API call ended in; decides what the caller does next. */
public enum TelegramFailure {
    /** 429: too many requests; wait {@code retry_after} for the scope that hit it. */
    FLOOD_WAIT,
    /** 403 from a user who blocked the bot (or deactivated): stop sending to them. */
    BLOCKED,
    /** 400: the request itself is wrong (message gone, chat not found); retrying will not help. */
    BAD_REQUEST,
    /** 401/404 on the token: the bot token is wrong or revoked. */
    UNAUTHORIZED,
    /** 409: another getUpdates is running, or a webhook is set. */
    CONFLICT,
    /** 5xx, timeouts, refused connections: transient; retry with back-off. */
    TRANSIENT
}
