package org.luvhive.core.update;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.luvhive.core.i18n.LanguageLookup;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Maps each update to its one handler: a command ({@code /find}), a callback-data prefix
 * (longest match wins), a message kind, edits, pre-checkout queries, chat-member changes,
 * and a fallback; and where the handlers' {@link UpdateContext} finds each sender's
 * language. Built once at start-up; immutable and thread-safe.
 */
public final class UpdateRouter {

    private final Map<String, UpdateHandler> commands;
    private final TreeMap<String, UpdateHandler> callbacks;
    private final Map<MessageKind, UpdateHandler> messages;
    private final Map<UpdateKind, UpdateHandler> kinds;
    private final UpdateHandler fallback;
    private final LanguageLookup languages;

    private UpdateRouter(Builder builder) {
        this.commands = Map.copyOf(builder.commands);
        this.callbacks = new TreeMap<>(builder.callbacks);
        this.messages = new EnumMap<>(builder.messages);
        this.kinds = new EnumMap<>(builder.kinds);
        this.fallback = builder.fallback;
        this.languages = builder.languages;
    }

    /** Where a sender's chosen language is stored, for their {@link UpdateContext}. */
    public LanguageLookup languages() {
        return languages;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The handler for this update (the fallback when nothing more specific matches). */
    public UpdateHandler route(Update update) {
        return find(update).orElse(fallback);
    }

    private Optional<UpdateHandler> find(Update update) {
        UpdateKind kind = UpdateKind.of(update);
        switch (kind) {
            case MESSAGE -> {
                Message message = update.getMessage();
                Optional<String> command = command(message);
                if (command.isPresent() && commands.containsKey(command.get())) {
                    return Optional.of(commands.get(command.get()));
                }
                return Optional.ofNullable(messages.get(MessageKind.of(message)));
            }
            case CALLBACK_QUERY -> {
                String data = update.getCallbackQuery().getData();
                if (data != null) {
                    var candidate = callbacks.floorEntry(data);
                    while (candidate != null) {
                        if (data.startsWith(candidate.getKey())) {
                            return Optional.of(candidate.getValue());
                        }
                        candidate = callbacks.lowerEntry(candidate.getKey());
                    }
                }
                return Optional.empty();
            }
            default -> {
                return Optional.ofNullable(kinds.get(kind));
            }
        }
    }

    /** The command a message starts with, lower-case, without '/' and '@botname'. */
    public static Optional<String> command(Message message) {
        if (!message.hasText() || !message.getText().startsWith("/")) {
            return Optional.empty();
        }
        String first = message.getText().split("\\s+", 2)[0].substring(1);
        int at = first.indexOf('@');
        if (at >= 0) {
            first = first.substring(0, at);
        }
        return first.isEmpty() ? Optional.empty() : Optional.of(first.toLowerCase(Locale.ROOT));
    }

    /** The text after the command, trimmed ("" when none). */
    public static String commandArguments(Message message) {
        String[] parts = message.getText().strip().split("\\s+", 2);
        return parts.length > 1 ? parts[1].strip() : "";
    }

    /** Collects routes; later registrations of the same key replace earlier ones. */
    public static final class Builder {
        private final Map<String, UpdateHandler> commands = new HashMap<>();
        private final Map<String, UpdateHandler> callbacks = new HashMap<>();
        private final Map<MessageKind, UpdateHandler> messages = new EnumMap<>(MessageKind.class);
        private final Map<UpdateKind, UpdateHandler> kinds = new EnumMap<>(UpdateKind.class);
        private UpdateHandler fallback = context -> { };
        private LanguageLookup languages = LanguageLookup.none();

        /** {@code /name} (without the slash; case-insensitive). */
        public Builder command(String name, UpdateHandler handler) {
            commands.put(name.toLowerCase(Locale.ROOT).replaceFirst("^/", ""), handler);
            return this;
        }

        /** Callback queries whose data starts with {@code prefix}. */
        public Builder callback(String prefix, UpdateHandler handler) {
            callbacks.put(prefix, handler);
            return this;
        }

        /** Messages of this kind that are not a registered command. */
        public Builder message(MessageKind kind, UpdateHandler handler) {
            messages.put(kind, handler);
            return this;
        }

        /** Edited messages. */
        public Builder editedMessage(UpdateHandler handler) {
            kinds.put(UpdateKind.EDITED_MESSAGE, handler);
            return this;
        }

        public Builder preCheckoutQuery(UpdateHandler handler) {
            kinds.put(UpdateKind.PRE_CHECKOUT_QUERY, handler);
            return this;
        }

        /** The bot's own membership changed in a chat (a user blocked or unblocked it). */
        public Builder myChatMember(UpdateHandler handler) {
            kinds.put(UpdateKind.MY_CHAT_MEMBER, handler);
            return this;
        }

        /** Anything nothing else matched. */
        public Builder fallback(UpdateHandler handler) {
            this.fallback = handler;
            return this;
        }

        /** Where each sender's chosen language is stored (default: nowhere, Telegram's language decides). */
        public Builder languages(LanguageLookup lookup) {
            this.languages = lookup;
            return this;
        }

        public UpdateRouter build() {
            return new UpdateRouter(this);
        }
    }
}
