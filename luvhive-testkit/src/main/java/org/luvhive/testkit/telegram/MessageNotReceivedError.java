package org.luvhive.testkit.telegram;

/**
 * A simulated user or group waited for a message from the bot and none came in time. An
 * {@link AssertionError}, so a test reports it as a failure, with what the chat did receive.
 */
public final class MessageNotReceivedError extends AssertionError {
    private static final long serialVersionUID = 1L;

    public MessageNotReceivedError(String message) {
        super(message);
    }
}
