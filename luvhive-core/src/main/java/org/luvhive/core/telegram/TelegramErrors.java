package org.luvhive.core.telegram;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luvhive.core.config.BotToken;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Turns what the TelegramBots client throws into a {@link TelegramCallException}. A 429
 * without {@code parameters.retry_after} falls back to the number in the description
 * ("retry after 35"), then to {@link #DEFAULT_RETRY_AFTER}. Stateless and thread-safe.
 */
public final class TelegramErrors {

    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d+)", Pattern.CASE_INSENSITIVE);

    private TelegramErrors() {
    }

    public static TelegramCallException classify(Throwable thrown, BotToken token) {
        Throwable failure = unwrap(thrown);
        if (failure instanceof TelegramCallException already) {
            return already;
        }
        if (failure instanceof TelegramApiRequestException request && request.getErrorCode() != null
                && request.getErrorCode() > 0) {
            int code = request.getErrorCode();
            String description = redact(request.getApiResponse() == null ? request.getMessage() : request.getApiResponse(), token);
            return switch (code) {
                case 429 -> new TelegramCallException(TelegramFailure.FLOOD_WAIT, code, description,
                        retryAfter(request, description), null);
                case 403 -> new TelegramCallException(TelegramFailure.BLOCKED, code, description, null, null);
                case 400 -> new TelegramCallException(TelegramFailure.BAD_REQUEST, code, description, null, null);
                case 401, 404 -> new TelegramCallException(TelegramFailure.UNAUTHORIZED, code, description, null, null);
                case 409 -> new TelegramCallException(TelegramFailure.CONFLICT, code, description, null, null);
                default -> new TelegramCallException(code >= 500 ? TelegramFailure.TRANSIENT : TelegramFailure.BAD_REQUEST,
                        code, description, null, null);
            };
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failure.getCause() != null && failure.getCause() != failure && failure.getCause().getMessage() != null) {
            message += " (" + failure.getCause().getClass().getSimpleName() + ": " + failure.getCause().getMessage() + ")";
        }
        return new TelegramCallException(TelegramFailure.TRANSIENT, 0, redact(message, token), null, null);
    }

    private static Duration retryAfter(TelegramApiRequestException request, String description) {
        if (request.getParameters() != null && request.getParameters().getRetryAfter() != null
                && request.getParameters().getRetryAfter() > 0) {
            return Duration.ofSeconds(request.getParameters().getRetryAfter());
        }
        Matcher matcher = RETRY_AFTER.matcher(description.toLowerCase(Locale.ROOT));
        if (matcher.find()) {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(matcher.group(1))));
        }
        return DEFAULT_RETRY_AFTER;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof ExecutionException
                || current instanceof CompletionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Replaces the token, wherever it appears, by its masked form. */
    public static String redact(String text, BotToken token) {
        if (text == null || token == null) {
            return text;
        }
        return text.replace(token.reveal(), token.masked());
    }
}
