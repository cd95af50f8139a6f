package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parameters of one Bot API call, whichever way they came (query string, JSON, form,
 * multipart), with Telegram's leniency: numbers may come as strings and objects as JSON
 * text inside a form field. Not thread-safe; lives for one request.
 */
public final class ApiParams {
    private static final String ATTACH = "attach://";

    private final ObjectNode values;
    private final Map<String, UploadedFile> files;
    private final ObjectMapper mapper;

    public ApiParams(ObjectNode values, Map<String, UploadedFile> files, ObjectMapper mapper) {
        this.values = values;
        this.files = Map.copyOf(files);
        this.mapper = mapper;
    }

    /** A file part of a multipart request. */
    public record UploadedFile(String fileName, String contentType, byte[] content) {
        public int size() {
            return content.length;
        }
    }

    /**
     * What a file parameter names: an uploaded part, or a file_id or URL to resolve. As on
     * Telegram, a part may come under the parameter's own name or under any name the value
     * points at with {@code attach://<name>}.
     */
    public record InputFile(UploadedFile upload, String reference) {
        public boolean isUpload() {
            return upload != null;
        }
    }

    public boolean has(String name) {
        JsonNode node = values.get(name);
        return node != null && !node.isNull() || files.containsKey(name);
    }

    public Optional<String> string(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }

    public String requiredString(String name) {
        return string(name).filter(value -> !value.isEmpty())
                .orElseThrow(() -> ApiError.badRequest(name + " is empty"));
    }

    public OptionalLong longValue(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull() || node.isTextual() && node.asText().isEmpty()) {
            return OptionalLong.empty();
        }
        if (node.isIntegralNumber()) {
            return OptionalLong.of(node.asLong());
        }
        try {
            return OptionalLong.of(Long.parseLong(node.asText().trim()));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid " + name + " specified");
        }
    }

    public long requiredLong(String name) {
        return longValue(name).orElseThrow(() -> ApiError.badRequest(name + " is empty"));
    }

    public int intValue(String name, int defaultValue) {
        OptionalLong value = longValue(name);
        return value.isPresent() ? (int) value.getAsLong() : defaultValue;
    }

    public boolean bool(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String text = node.asText().trim();
        return text.equalsIgnoreCase("true") || text.equals("1");
    }

    /** An object or array parameter, parsing it when it came as JSON text (form and multipart bodies). */
    public Optional<JsonNode> json(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            return Optional.of(node);
        }
        if (node.asText().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readTree(node.asText()));
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("can't parse " + name + " JSON object");
        }
    }

    /** {@code chat_id} as a number; usernames ({@code @name}) denote chats the emulator does not have. */
    public long chatId(String name) {
        String raw = string(name).map(String::trim).orElse("");
        if (raw.isEmpty()) {
            throw ApiError.badRequest("chat_id is empty");
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("chat not found");
        }
    }

    /**
     * The file parameter {@code name}: its own multipart part, else the part its
     * {@code attach://} value names, else its value as a file_id or URL; empty when none
     * of these exists (Telegram then says "there is no &lt;name&gt; in the request").
     */
    public Optional<InputFile> inputFile(String name) {
        UploadedFile own = files.get(name);
        if (own != null) {
            return Optional.of(new InputFile(own, null));
        }
        return string(name).map(String::trim).filter(value -> !value.isEmpty()).flatMap(this::inputFileOf);
    }

    /** A value inside a JSON parameter (InputMedia's {@code media}): {@code attach://<name>}, a file_id or a URL. */
    public Optional<InputFile> inputFileOf(String value) {
        if (value.startsWith(ATTACH)) {
            return Optional.ofNullable(files.get(value.substring(ATTACH.length()))).map(file -> new InputFile(file, null));
        }
        return Optional.of(new InputFile(null, value));
    }

    /** Used for chat-scoped fault rules and the request log; never fails. */
    public Long chatIdOrNull() {
        try {
            String raw = string("chat_id").map(String::trim).orElse("");
            return raw.isEmpty() ? null : Long.valueOf(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
