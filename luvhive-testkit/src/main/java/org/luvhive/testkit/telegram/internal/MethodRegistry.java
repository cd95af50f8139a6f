package org.luvhive.testkit.telegram.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Bot API methods the emulator serves, found case-insensitively like on Telegram.
 * Immutable after construction; thread-safe.
 */
public final class MethodRegistry {
    private final Map<String, Registered> methods = new HashMap<>();

    /** A method under its canonical spelling. */
    public record Registered(String name, MethodHandler handler) {
    }

    public MethodRegistry() {
        UpdateMethods.register(this);
        SendMethods.register(this);
        EditMethods.register(this);
        PaymentMethods.register(this);
        BotInfoMethods.register(this);
        MediaGroupMethods.register(this);
        FileMethods.register(this);
        ReactionMethods.register(this);
    }

    void add(String canonicalName, MethodHandler handler) {
        methods.put(canonicalName.toLowerCase(Locale.ROOT), new Registered(canonicalName, handler));
    }

    public Optional<Registered> find(String method) {
        return Optional.ofNullable(methods.get(method.toLowerCase(Locale.ROOT)));
    }
}
