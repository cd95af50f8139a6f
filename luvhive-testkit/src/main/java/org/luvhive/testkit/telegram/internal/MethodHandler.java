package org.luvhive.testkit.telegram.internal;

/** One Bot API method. Implementations are stateless; all state is in the {@link BotState}. */
@FunctionalInterface
public interface MethodHandler {
    MethodResult handle(BotState bot, ApiParams params) throws InterruptedException;
}
