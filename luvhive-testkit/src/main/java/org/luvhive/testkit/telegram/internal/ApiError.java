package org.luvhive.testkit.telegram.internal;

/**
 * A Bot API failure on its way to the client as {@code {"ok":false,...}}.
 * Immutable; thrown by method handlers and turned into a response in one place.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final Integer retryAfter;

    private ApiError(int errorCode, String description, Integer retryAfter) {
        super(description, null, false, false);
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    public static ApiError of(int errorCode, String description, Integer retryAfter) {
        return new ApiError(errorCode, description, retryAfter);
    }

    /** 400 {@code Bad Request: <detail>}. */
    public static ApiError badRequest(String detail) {
        return new ApiError(400, "Bad Request: " + detail, null);
    }

    public static ApiError forbidden(String detail) {
        return new ApiError(403, "Forbidden: " + detail, null);
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "Unauthorized", null);
    }

    public static ApiError notFound() {
        return new ApiError(404, "Not Found", null);
    }

    public static ApiError conflict(String detail) {
        return new ApiError(409, "Conflict: " + detail, null);
    }

    public static ApiError tooManyRequests(int retryAfterSeconds) {
        return new ApiError(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    public int errorCode() {
        return errorCode;
    }

    public String description() {
        return getMessage();
    }

    /** Seconds for {@code parameters.retry_after}, or null when the error carries none. */
    public Integer retryAfter() {
        return retryAfter;
    }
}
