package org.luvhive.core.telegram;

import java.time.Duration;
import java.util.Optional;
import org.luvhive.core.LuvhiveException;

/**
 * A Bot API call that failed, classified for the caller: the {@link TelegramFailure kind},
 * the HTTP-level error code when Telegram answered, its description, and for a 429 the
 * wait Telegram asked for. Messages never contain the bot token.
 */
public final class TelegramCallException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    private final TelegramFailure failure;
    private final int errorCode;
    private final String description;
    private final transient Duration retryAfter;

    public TelegramCallException(TelegramFailure failure, int errorCode, String description, Duration retryAfter,
                                 Throwable cause) {
        super(failure + (errorCode > 0 ? " [" + errorCode + "] " : " ") + description, cause);
        this.failure = failure;
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfter = retryAfter;
    }

    public TelegramFailure failure() {
        return failure;
    }

    /** Telegram's error_code, or 0 when no answer came (network failure). */
    public int errorCode() {
        return errorCode;
    }

    public String description() {
        return description;
    }

    /** For {@link TelegramFailure#FLOOD_WAIT}: how long Telegram asked us to wait. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
