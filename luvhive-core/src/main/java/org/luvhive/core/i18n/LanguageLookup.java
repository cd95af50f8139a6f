package org.luvhive.core.i18n;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Where the language a user chose is kept (the user feature's profile), for the layers
 * below it that speak to a user: {@code UpdateContext} looks the sender up through it.
 * Implementations are thread-safe and work in the caller's transaction.
 */
@FunctionalInterface
public interface LanguageLookup {

    /** The language stored for the user; empty when none is (not registered). */
    Optional<Language> stored(Handle handle, long userId);

    /** Nobody's language is stored: Telegram's {@code language_code} decides. */
    static LanguageLookup none() {
        return (handle, userId) -> Optional.empty();
    }
}
