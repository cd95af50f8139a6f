package org.luvhive.testkit.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * What an injected fault does to a matching call: answer with a Bot API error, delay the
 * real answer, drop the connection without answering, or hold the call and then drop it
 * unhandled (a request lost on its way to Telegram). Immutable.
 */
public record Fault(Kind kind, int errorCode, String description, Integer retryAfter, Duration delay) {

    public enum Kind { ERROR, DELAY, DROP_CONNECTION, STALL }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
    }

    /** Answers {@code {"ok":false,"error_code":code,"description":description}}. */
    public static Fault error(int errorCode, String description) {
        return new Fault(Kind.ERROR, errorCode, description, null, Duration.ZERO);
    }

    /** 429 with {@code parameters.retry_after}, exactly as the limits would answer. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds must be at least 1, was " + retryAfterSeconds);
        }
        return new Fault(Kind.ERROR, 429, "Too Many Requests: retry after " + retryAfterSeconds,
                retryAfterSeconds, Duration.ZERO);
    }

    public static Fault internalServerError() {
        return error(500, "Internal Server Error");
    }

    public static Fault badGateway() {
        return error(502, "Bad Gateway");
    }

    /** Handles the call normally, but only after {@code delay}. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, null, null, delay);
    }

    /**
     * Holds the call for {@code hold}, then closes the connection without an HTTP response,
     * the call never handled: a request that hung on its way to Telegram and never arrived.
     * The caller sees a call in flight for that long; a caller killed meanwhile has sent nothing.
     */
    public static Fault stall(Duration hold) {
        return new Fault(Kind.STALL, 0, null, null, hold);
    }

    /** Closes the connection without an HTTP response. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, null, null, Duration.ZERO);
    }
}
