package org.luvhive.core.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads getUpdates answers and webhook bodies without mapping them to objects, so one
 * update nobody can understand (nested 10,000 levels deep, a 1 MiB text, {@code null},
 * fields missing) does not make the whole answer unreadable: each element of
 * {@code result} is cut out as it was sent, with its {@code update_id}. The streaming
 * parser walks any depth without recursion, so its nesting limit is lifted here only.
 * Stateless; thread-safe.
 */
public final class RawUpdateReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private RawUpdateReader() {
    }

    /**
     * The updates of a successful getUpdates answer, each as sent; empty when {@code ok}
     * is not true (the caller reads the error as usual).
     *
     * @throws IOException when the answer is not JSON at all (cut short, for example)
     */
    public static Optional<List<RawUpdate>> resultOf(String answer) throws IOException {
        boolean ok = false;
        List<RawUpdate> updates = null;
        try (JsonParser parser = FACTORY.createParser(answer)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("ok".equals(field)) {
                    ok = value == JsonToken.VALUE_TRUE;
                } else if ("result".equals(field) && value == JsonToken.START_ARRAY) {
                    updates = elements(parser, answer);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return ok && updates != null ? Optional.of(updates) : Optional.empty();
    }

    private static List<RawUpdate> elements(JsonParser parser, String answer) throws IOException {
        List<RawUpdate> updates = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int start = (int) parser.currentTokenLocation().getCharOffset();
            Optional<Long> updateId = Optional.empty();
            if (token == JsonToken.START_OBJECT) {
                updateId = updateIdIn(parser);
            } else {
                parser.skipChildren(); // an array (or a scalar, which has none)
            }
            int end = (int) parser.currentLocation().getCharOffset();
            updates.add(new RawUpdate(updateId, answer.substring(start, end).getBytes(StandardCharsets.UTF_8)));
        }
        return updates;
    }

    /** The top-level update_id of the object the parser is at the start of; leaves the parser at its end. */
    private static Optional<Long> updateIdIn(JsonParser parser) throws IOException {
        Optional<Long> updateId = Optional.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("update_id".equals(field) && value == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                updateId = Optional.of(parser.getLongValue());
            } else {
                parser.skipChildren();
            }
        }
        return updateId;
    }

    /**
     * The top-level update_id of one update's bytes, when they are a JSON object that has
     * one before anything malformed.
     */
    public static Optional<Long> updateIdOf(byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("update_id".equals(field)) {
                    return value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                            ? Optional.of(parser.getLongValue()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // broken before any update_id: nothing to go by
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}
