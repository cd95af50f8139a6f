package org.luvhive.core.update.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An update as jsonb will take it. PostgreSQL refuses U+0000 in jsonb (and in text), and
 * Telegram passes it on from clients that send it; no client shows it. So it is removed
 * from every string and field name, and everything else is kept as the user sent it.
 * Stateless; thread-safe.
 */
public final class StorableJson {

    private static final String NUL = "\u0000";

    private StorableJson() {
    }

    /** {@code value} as JSON text, without U+0000. */
    public static String of(Object value, ObjectMapper mapper) throws JsonProcessingException {
        String json = mapper.writeValueAsString(value);
        if (!json.contains("\\u0000")) {
            return json; // the common case: nothing to clean
        }
        return mapper.writeValueAsString(withoutNul(mapper.valueToTree(value)));
    }

    private static JsonNode withoutNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().contains(NUL) ? TextNode.valueOf(node.textValue().replace(NUL, "")) : node;
        }
        if (node instanceof ArrayNode array) {
            for (int index = 0; index < array.size(); index++) {
                array.set(index, withoutNul(array.get(index)));
            }
            return array;
        }
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            object.removeAll();
            for (Map.Entry<String, JsonNode> field : fields) {
                object.set(field.getKey().replace(NUL, ""), withoutNul(field.getValue()));
            }
            return object;
        }
        return node;
    }
}
