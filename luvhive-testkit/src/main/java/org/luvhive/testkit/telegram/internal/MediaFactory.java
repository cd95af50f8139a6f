package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.luvhive.testkit.telegram.MediaKind;

/**
 * Invents media objects (PhotoSize arrays, Video, Voice, ...) with fresh file ids and
 * remembers them, so a bot can send a file again by its file_id, as on Telegram.
 * Thread-safe.
 */
public final class MediaFactory {
    private final ObjectMapper mapper;
    private final long botId;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, MediaRecord> byFileId = new ConcurrentHashMap<>();

    private record MediaRecord(MediaKind kind, JsonNode media) {
    }

    public MediaFactory(ObjectMapper mapper, long botId) {
        this.mapper = mapper;
        this.botId = botId;
    }

    /** A new media object of {@code kind}; the value of the Message field {@code kind.field()}. */
    public JsonNode create(MediaKind kind, String fileName) {
        long number = sequence.incrementAndGet();
        String fileId = "EMU" + kind.name().charAt(0) + Long.toString(botId, 36) + "_" + number;
        String uniqueId = "U" + Long.toString(botId, 36) + "_" + number;
        JsonNode media = switch (kind) {
            case PHOTO -> photoSizes(fileId, uniqueId);
            case VIDEO -> file(fileId, uniqueId, 1_200_000).put("width", 1280).put("height", 720)
                    .put("duration", 12).put("mime_type", "video/mp4");
            case VOICE -> file(fileId, uniqueId, 24_000).put("duration", 3).put("mime_type", "audio/ogg");
            case VIDEO_NOTE -> file(fileId, uniqueId, 300_000).put("length", 384).put("duration", 5);
            case AUDIO -> file(fileId, uniqueId, 3_000_000).put("duration", 180).put("mime_type", "audio/mpeg")
                    .put("file_name", fileName == null ? "audio.mp3" : fileName);
            case DOCUMENT -> file(fileId, uniqueId, 20_000)
                    .put("file_name", fileName == null ? "document.pdf" : fileName)
                    .put("mime_type", "application/octet-stream");
            case STICKER -> file(fileId, uniqueId, 30_000).put("type", "regular").put("width", 512)
                    .put("height", 512).put("is_animated", false).put("is_video", false).put("emoji", "🙂");
            case ANIMATION -> file(fileId, uniqueId, 500_000).put("width", 320).put("height", 240)
                    .put("duration", 4).put("mime_type", "video/mp4")
                    .put("file_name", fileName == null ? "animation.mp4" : fileName);
        };
        MediaRecord created = new MediaRecord(kind, media);
        if (media.isArray()) {
            media.forEach(size -> byFileId.put(size.path("file_id").asText(), created));
        } else {
            byFileId.put(fileId, created);
        }
        return media.deepCopy();
    }

    /** The media known by {@code fileId}, if it is of {@code kind}. */
    public Optional<JsonNode> find(MediaKind kind, String fileId) {
        MediaRecord found = byFileId.get(fileId);
        return found == null || found.kind() != kind ? Optional.empty() : Optional.of(found.media().deepCopy());
    }

    private ObjectNode file(String fileId, String uniqueId, int size) {
        return mapper.createObjectNode().put("file_id", fileId).put("file_unique_id", uniqueId)
                .put("file_size", size);
    }

    private ArrayNode photoSizes(String fileId, String uniqueId) {
        ArrayNode sizes = mapper.createArrayNode();
        sizes.add(file(fileId + "s", uniqueId + "s", 1_500).put("width", 90).put("height", 90));
        sizes.add(file(fileId + "m", uniqueId + "m", 20_000).put("width", 320).put("height", 320));
        sizes.add(file(fileId, uniqueId, 80_000).put("width", 1280).put("height", 1280));
        return sizes;
    }
}
