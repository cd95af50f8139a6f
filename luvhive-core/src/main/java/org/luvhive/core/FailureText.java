package org.luvhive.core;

/**
 * One line saying why something failed, for messages that must stay one line (the CLI's
 * errors, the backup log). Stateless.
 */
public final class FailureText {

    private FailureText() {
    }

    /** The deepest cause's message (its type when it has none), first line only. */
    public static String ofRootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return of(root);
    }

    /** {@code failure}'s own message (its type when it has none), first line only. */
    public static String of(Throwable failure) {
        String message = failure.getMessage();
        return firstLine(message == null ? failure.getClass().getSimpleName() : message);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline >= 0 ? text.substring(0, newline) : text).strip();
    }
}
