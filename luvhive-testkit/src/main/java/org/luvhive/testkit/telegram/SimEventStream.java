package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.luvhive.testkit.telegram.internal.ChatEvents;

/**
 * {@code GET /sim/bots/{id}/events}: a server-sent event stream of everything that happens
 * in the bot's private chats. The first event, {@code snapshot}, holds the bot, its
 * commands and every user with their chat; then one event per change ({@code message},
 * {@code callback_answer}, {@code chat_action}, {@code user}, {@code commands}). A comment
 * line every 15 s keeps proxies and the browser from timing out. Stateless and thread-safe;
 * one request thread per open stream.
 */
final class SimEventStream {
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final ObjectMapper mapper;

    SimEventStream(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void serve(HttpExchange exchange, EmulatedBot bot) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        try (ChatEvents.Subscription subscription = bot.events().subscribe();
             OutputStream out = exchange.getResponseBody()) {
            write(out, "data: " + snapshot(bot) + "\n\n"); // subscribed first: no change falls between the two
            while (subscription.isOpen()) {
                ObjectNode event = subscription.next(KEEP_ALIVE);
                write(out, event == null ? ": keep-alive\n\n" : "data: " + event + "\n\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException closed) {
            // the page went away, or the emulator is closing: nothing to tell anyone
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private ObjectNode snapshot(EmulatedBot bot) {
        ObjectNode snapshot = mapper.createObjectNode().put("type", "snapshot");
        snapshot.putObject("bot").put("id", bot.id()).put("username", bot.username());
        snapshot.set("commands", bot.commands());
        ArrayNode users = snapshot.putArray("users");
        for (SimulatedUser user : bot.users()) {
            ObjectNode entry = users.addObject();
            entry.set("user", user.summary());
            ArrayNode messages = entry.putArray("messages");
            user.entries().forEach(messages::add);
        }
        return snapshot;
    }
}
