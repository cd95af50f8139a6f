package org.luvhive.core.telegram;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * {@code getUpdates}, answered with each update as Telegram sent it ({@link RawUpdate})
 * rather than mapped to objects: TelegramBots' own {@code GetUpdates} fails the whole
 * batch when one update cannot be mapped, and a batch that never succeeds is fetched
 * again forever. Errors ({@code ok: false}) are thrown as TelegramBots throws them.
 * Immutable; thread-safe.
 */
public final class FetchUpdates extends BotApiMethod<ArrayList<RawUpdate>> {

    @JsonProperty("offset")
    private final long offset;
    @JsonProperty("limit")
    private final int limit;
    @JsonProperty("timeout")
    private final int timeout;
    @JsonProperty("allowed_updates")
    private final List<String> allowedUpdates;

    /**
     * @param offset         the first update_id wanted; every lower one is confirmed
     * @param limit          1 to 100
     * @param timeout        seconds to wait for the first update (0: answer at once)
     * @param allowedUpdates the kinds wanted
     */
    public FetchUpdates(long offset, int limit, int timeout, List<String> allowedUpdates) {
        this.offset = offset;
        this.limit = limit;
        this.timeout = timeout;
        this.allowedUpdates = List.copyOf(allowedUpdates);
    }

    @Override
    public String getMethod() {
        return "getUpdates";
    }

    @Override
    public ArrayList<RawUpdate> deserializeResponse(String answer) throws TelegramApiRequestException {
        Optional<List<RawUpdate>> updates;
        try {
            updates = RawUpdateReader.resultOf(answer);
        } catch (IOException unreadable) {
            throw new TelegramApiRequestException("Unable to deserialize response", unreadable);
        }
        if (updates.isPresent()) {
            return new ArrayList<>(updates.get());
        }
        // ok: false: TelegramBots reads the error code, description and parameters as it always does
        @SuppressWarnings("unchecked")
        Class<ArrayList<RawUpdate>> noResult = (Class<ArrayList<RawUpdate>>) (Class<?>) ArrayList.class;
        deserializeResponse(answer, noResult);
        throw new TelegramApiRequestException("getUpdates answered neither ok nor an error: " + abbreviate(answer));
    }

    private static String abbreviate(String answer) {
        return answer.length() > 200 ? answer.substring(0, 200) + "…" : answer;
    }

    public long offset() {
        return offset;
    }
}
