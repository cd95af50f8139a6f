package org.luvhive.core.backup.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The manifest's checksum of itself ({@code manifest_sha256}): the SHA-256 of its JSON in a
 * canonical form, without the checksum field. Canonical: object keys sorted, no whitespace,
 * strings as Jackson escapes them, numbers in their JSON text; so reformatting a manifest (another
 * indentation, another key order) keeps it, and changing any value, adding or removing a
 * field does not. luvhive writes it with every write of a manifest (also when a verify
 * records its result), so a manifest whose checksum does not match was changed by
 * something else: by hand, or by a tool. It is no signature: whoever recomputes it can
 * hide an edit. Stateless and thread-safe.
 */
public final class ManifestSeal {

    /** The field that holds the checksum. */
    public static final String FIELD = "manifest_sha256";

    private static final JsonFactory FACTORY = new JsonFactory();

    private ManifestSeal() {
    }

    /** What a read manifest's checksum says about it. */
    public enum State {
        /** The checksum matches: the manifest is as luvhive last wrote it. */
        SEALED,
        /** No checksum: written by a luvhive before manifests carried one. */
        UNSEALED,
        /** The checksum does not match: changed since luvhive wrote it. */
        EDITED
    }

    /** Sets {@code manifest}'s checksum field to the checksum of the rest. */
    public static void seal(ObjectNode manifest) {
        manifest.remove(FIELD);
        manifest.put(FIELD, digest(manifest));
    }

    /** Whether {@code manifest} (as read from its file) is sealed, unsealed or edited. */
    public static State check(JsonNode manifest) {
        JsonNode recorded = manifest.get(FIELD);
        if (recorded == null || recorded.isNull()) {
            return State.UNSEALED;
        }
        ObjectNode rest = ((ObjectNode) manifest).deepCopy();
        rest.remove(FIELD);
        return recorded.isTextual() && recorded.asText().equals(digest(rest)) ? State.SEALED : State.EDITED;
    }

    static String digest(JsonNode withoutChecksum) {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(canonical)) {
            write(withoutChecksum, generator);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write a manifest in canonical form", failure);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray()));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> each = node.fields(); each.hasNext(); ) {
                fields.add(each.next());
            }
            fields.sort(Map.Entry.comparingByKey());
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : fields) {
                generator.writeFieldName(field.getKey());
                write(field.getValue(), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(element, generator);
            }
            generator.writeEndArray();
        } else if (node.isTextual()) {
            generator.writeString(node.textValue());
        } else if (node.isNumber()) {
            generator.writeNumber(node.asText());
        } else if (node.isBoolean()) {
            generator.writeBoolean(node.booleanValue());
        } else if (node.isNull()) {
            generator.writeNull();
        } else {
            throw new IllegalArgumentException("a manifest holds no " + node.getNodeType() + " values");
        }
    }
}
