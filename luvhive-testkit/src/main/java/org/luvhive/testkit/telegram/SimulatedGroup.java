package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.luvhive.testkit.telegram.internal.ChatReader;
import org.luvhive.testkit.telegram.internal.UserActions;

/**
 * A supergroup the emulated bot is a member of; simulated users join it and write in it.
 * Bot sends into it are limited per group (per minute). Thread-safe.
 */
public final class SimulatedGroup {
    private final long id;
    private final String title;
    private final UserActions actions;
    private final ChatReader reader;

    SimulatedGroup(long id, String title, UserActions actions) {
        this.id = id;
        this.title = title;
        this.actions = actions;
        this.reader = new ChatReader(actions.group(id, title));
    }

    /** Negative, like every group id. */
    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The user joins; the bot gets a message with new_chat_members. */
    public ChatMessage join(SimulatedUser user) {
        ObjectNode member = user.userJson();
        reader.chat().addMember(user.id());
        return actions.post(reader.chat(), member, message -> message.putArray("new_chat_members").add(member));
    }

    public ChatMessage sendText(SimulatedUser from, String text) {
        requireMember(from);
        return actions.post(reader.chat(), from.userJson(), message -> UserActions.putText(message, text));
    }

    /** {@code /command@botusername}, as group clients send commands. */
    public ChatMessage sendCommand(SimulatedUser from, String command) {
        String name = command.startsWith("/") ? command.substring(1) : command;
        return sendText(from, "/" + name + "@" + actions.bot().identity().username());
    }

    private void requireMember(SimulatedUser user) {
        if (!reader.chat().hasMember(user.id())) {
            throw new IllegalStateException(user + " is not a member of group " + id + "; call join(user) first");
        }
    }

    public List<ChatMessage> received() {
        return reader.received();
    }

    public List<ChatMessage> history() {
        return reader.history();
    }

    /** See {@link SimulatedUser#awaitMessage(Predicate, Duration)}. */
    public ChatMessage awaitMessage(Predicate<ChatMessage> predicate, Duration timeout) {
        return reader.await(predicate, timeout, "matching message");
    }

    public ChatMessage awaitMessage(Duration timeout) {
        return reader.await(message -> true, timeout, "message");
    }

    public void skipReceived() {
        reader.skipReceived();
    }
}
