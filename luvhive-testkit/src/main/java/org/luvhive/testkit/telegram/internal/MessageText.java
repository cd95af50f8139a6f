package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A text or caption parameter as it lands in a Message: the visible text and its entities,
 * parsed from parse_mode plus those Telegram finds by itself (commands, URLs, mentions), or
 * the explicit entities parameter when there is no parse_mode. Immutable.
 *
 * @param text     the visible text
 * @param entities the MessageEntity array, or null when there are none
 */
record MessageText(String text, JsonNode entities) {

    /** Reads {@code textName} with parse_mode and {@code entitiesName} from the call's parameters. */
    static MessageText of(ApiParams params, String textName, String entitiesName, ObjectMapper mapper) {
        return of(params.string(textName).orElse(""), params.string("parse_mode").orElse(null),
                params.json(entitiesName).orElse(null), mapper);
    }

    static MessageText of(String raw, String parseMode, JsonNode givenEntities, ObjectMapper mapper) {
        boolean parsed = parseMode != null && !parseMode.isEmpty();
        if (!parsed && givenEntities != null && givenEntities.isArray() && !givenEntities.isEmpty()) {
            return new MessageText(raw, givenEntities);
        }
        FormattedText text = FormattedText.parse(raw, parseMode).withFoundEntities();
        return new MessageText(text.text(), text.entities().isEmpty() ? null : text.entitiesJson(mapper));
    }

    /** Sets {@code textName} and, when there are entities, {@code entitiesName} on a message. */
    void putInto(ObjectNode message, String textName, String entitiesName) {
        message.put(textName, text);
        message.remove(entitiesName);
        if (entities != null) {
            message.set(entitiesName, entities.deepCopy());
        }
    }
}
