package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Bot API request (query string plus a JSON, urlencoded or multipart body) into
 * {@link ApiParams}. Stateless and thread-safe.
 */
public final class RequestBodyParser {
    private static final int MAX_BODY_BYTES = 50 * 1024 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

    private final ObjectMapper mapper;

    public RequestBodyParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ApiParams parse(String rawQuery, String contentType, InputStream body) throws IOException {
        ObjectNode values = mapper.createObjectNode();
        Map<String, ApiParams.UploadedFile> files = new HashMap<>();
        if (rawQuery != null) {
            parseUrlEncoded(rawQuery, values);
        }
        byte[] bytes = readLimited(body);
        if (bytes.length > 0) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (type.startsWith("multipart/form-data")) {
                parseMultipart(bytes, contentType, values, files);
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                parseUrlEncoded(new String(bytes, StandardCharsets.UTF_8), values);
            } else {
                parseJson(bytes, values, type.startsWith("application/json"));
            }
        }
        return new ApiParams(values, files, mapper);
    }

    private static byte[] readLimited(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiError.of(413, "Request Entity Too Large", null);
        }
        return bytes;
    }

    private void parseJson(byte[] bytes, ObjectNode values, boolean declaredJson) {
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return;
        }
        if (!declaredJson && !text.startsWith("{")) {
            parseUrlEncoded(text, values);
            return;
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (!(node instanceof ObjectNode)) {
                throw ApiError.badRequest("can't parse JSON object");
            }
            values.setAll((ObjectNode) node);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("can't parse JSON object");
        }
    }

    private static void parseUrlEncoded(String encoded, ObjectNode values) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.put(name, value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("can't parse request parameters");
        }
    }

    private static void parseMultipart(byte[] body, String contentType, ObjectNode values,
                                       Map<String, ApiParams.UploadedFile> files) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            throw ApiError.badRequest("can't parse multipart request: no boundary");
        }
        // ISO-8859-1 maps bytes 1:1 to chars, so indexes stay byte offsets and binary parts survive.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundaryMatch.group(1);
        int position = text.indexOf(delimiter);
        while (position >= 0) {
            int partStart = position + delimiter.length();
            if (text.startsWith("--", partStart)) {
                break;
            }
            int next = text.indexOf("\r\n" + delimiter, partStart);
            if (next < 0) {
                break;
            }
            String part = text.substring(skipLineBreak(text, partStart), next);
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                addPart(part.substring(0, headerEnd), part.substring(headerEnd + 4), values, files);
            }
            position = next + 2;
        }
    }

    private static int skipLineBreak(String text, int index) {
        return text.startsWith("\r\n", index) ? index + 2 : index;
    }

    private static void addPart(String headers, String content, ObjectNode values,
                                Map<String, ApiParams.UploadedFile> files) {
        String disposition = "";
        String partType = "application/octet-stream";
        for (String header : headers.split("\r\n")) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                disposition = header.substring(header.indexOf(':') + 1);
            } else if (lower.startsWith("content-type:")) {
                partType = header.substring(header.indexOf(':') + 1).trim();
            }
        }
        Map<String, String> parameters = DispositionParameters.parse(disposition);
        String name = parameters.get("name");
        if (name == null) {
            return;
        }
        String fileName = parameters.get("filename");
        if (fileName != null) {
            files.put(utf8(name), new ApiParams.UploadedFile(utf8(fileName), partType,
                    content.getBytes(StandardCharsets.ISO_8859_1)));
        } else {
            values.put(utf8(name), utf8(content));
        }
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
