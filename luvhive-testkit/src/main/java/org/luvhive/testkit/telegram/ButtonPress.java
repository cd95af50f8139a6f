package org.luvhive.testkit.telegram;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An inline button a simulated user pressed: the callback_query id and, once the bot calls
 * answerCallbackQuery, its answer. Thread-safe.
 */
public final class ButtonPress {
    private final String queryId;
    private final CompletableFuture<CallbackAnswer> answer;

    ButtonPress(String queryId, CompletableFuture<CallbackAnswer> answer) {
        this.queryId = queryId;
        this.answer = answer;
    }

    public String queryId() {
        return queryId;
    }

    /** The answer if the bot has given one. */
    public Optional<CallbackAnswer> answer() {
        return Optional.ofNullable(answer.getNow(null));
    }

    /** Waits for the bot's answerCallbackQuery; fails like an assertion when it does not come. */
    public CallbackAnswer awaitAnswer(Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MessageNotReceivedError("callback query " + queryId + " was not answered within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageNotReceivedError("interrupted while waiting for the answer to " + queryId);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
