package org.luvhive.core.update.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.luvhive.core.telegram.RawUpdate;
import org.luvhive.core.update.UpdateKind;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * What an update just received turns out to be: one the inbox can store (mapped,
 * complete, classified, as storable JSON), or poison for the quarantine, with the reason.
 * Deciding never throws, whatever the bytes. Immutable.
 */
public sealed interface IncomingUpdate {

    /** Poison categories, as the quarantine's {@code category} and the metric's tag. */
    String UNREADABLE = "unreadable";
    String NO_UPDATE_ID = "no_update_id";
    String INCOMPLETE = "incomplete";
    String REFUSED_BY_DATABASE = "refused_by_database";

    /** An update to store in the inbox. */
    record Storable(long updateId, UpdateKind kind, long userId, long chatId, String json) implements IncomingUpdate {
    }

    /** An update to quarantine. */
    record Poison(String category, String reason, Optional<Long> userId) implements IncomingUpdate {
    }

    static IncomingUpdate examine(RawUpdate raw, ObjectMapper mapper) {
        Update update;
        try {
            update = mapper.readValue(raw.bytes(), Update.class);
        } catch (JacksonException | RuntimeException unreadable) {
            return new Poison(UNREADABLE, "not a Telegram update: " + firstLine(unreadable.getMessage()),
                    Optional.empty());
        } catch (IOException unreadable) {
            return new Poison(UNREADABLE, "unreadable: " + firstLine(unreadable.getMessage()), Optional.empty());
        }
        if (update == null) {
            return new Poison(UNREADABLE, "not a Telegram update: null", Optional.empty());
        }
        try {
            long userId = UpdateKind.userId(update);
            Optional<Long> sender = userId == 0 ? Optional.empty() : Optional.of(userId);
            if (update.getUpdateId() == null) {
                return new Poison(NO_UPDATE_ID, "the update has no update_id", sender);
            }
            Optional<String> problem = UpdateShape.problem(update);
            if (problem.isPresent()) {
                return new Poison(INCOMPLETE, problem.get(), sender);
            }
            return new Storable(update.getUpdateId(), UpdateKind.of(update), userId, UpdateKind.chatId(update),
                    StorableJson.of(update, mapper));
        } catch (JacksonException | RuntimeException unclassifiable) {
            return new Poison(INCOMPLETE, "cannot be classified: " + unclassifiable.getClass().getSimpleName()
                    + (unclassifiable.getMessage() == null ? "" : ": " + firstLine(unclassifiable.getMessage())),
                    Optional.empty());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
