package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.luvhive.testkit.telegram.MediaKind;

/**
 * The bot's files: media objects (PhotoSize arrays, Video, Voice, ...) with fresh file ids,
 * and the bytes behind each id, for getFile and {@code /file/bot<token>/<path>}. Files come
 * from uploads (kept as sent) or are generated ({@link SampleMedia}: what simulated users
 * send, and what a URL stands for). A bot can send a file again by its file_id, as on
 * Telegram. Thread-safe.
 */
public final class MediaFactory {
    private static final int[] PHOTO_SIDES = {90, 320, 800};
    private static final String[] PHOTO_SUFFIXES = {"s", "m", ""};

    private final ObjectMapper mapper;
    private final long botId;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, MediaRecord> byFileId = new ConcurrentHashMap<>();
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final Map<String, StoredFile> byPath = new ConcurrentHashMap<>();

    private record MediaRecord(MediaKind kind, JsonNode media) {
    }

    /** One file's bytes and where getFile says they are. Immutable; content is produced on demand. */
    public record StoredFile(String fileId, String uniqueId, String path, String mimeType, int size,
                             Supplier<byte[]> content) {
    }

    /** Where a media kind's files live and their default extension, as on api.telegram.org. */
    private record Layout(String directory, String extension, String mimeType) {
        static Layout of(MediaKind kind) {
            return switch (kind) {
                case PHOTO -> new Layout("photos", "jpg", "image/jpeg");
                case VIDEO -> new Layout("videos", "mp4", "video/mp4");
                case VOICE -> new Layout("voice", "oga", "audio/ogg");
                case VIDEO_NOTE -> new Layout("video_notes", "mp4", "video/mp4");
                case AUDIO -> new Layout("music", "mp3", "audio/mpeg");
                case DOCUMENT -> new Layout("documents", "txt", "text/plain");
                case STICKER -> new Layout("stickers", "webp", "image/png");
                case ANIMATION -> new Layout("animations", "mp4", "video/mp4");
            };
        }
    }

    public MediaFactory(ObjectMapper mapper, long botId) {
        this.mapper = mapper;
        this.botId = botId;
    }

    /** A new generated media object of {@code kind}; the value of the Message field {@code kind.field()}. */
    public JsonNode create(MediaKind kind, String fileName) {
        long number = sequence.incrementAndGet();
        String fileId = fileId(kind, number);
        String uniqueId = uniqueId(number);
        Layout layout = Layout.of(kind);
        JsonNode media = switch (kind) {
            case PHOTO -> photoSizes(fileId, uniqueId, number, null);
            case VIDEO -> generated(kind, fileId, uniqueId, number, 64_000).put("width", 1280).put("height", 720)
                    .put("duration", 12).put("mime_type", layout.mimeType());
            case VOICE -> generated(kind, fileId, uniqueId, number, 8_000).put("duration", 3)
                    .put("mime_type", layout.mimeType());
            case VIDEO_NOTE -> generated(kind, fileId, uniqueId, number, 32_000).put("length", 384)
                    .put("duration", 5);
            case AUDIO -> generated(kind, fileId, uniqueId, number, 48_000).put("duration", 180)
                    .put("mime_type", layout.mimeType()).put("file_name", fileName == null ? "audio.mp3" : fileName)
                    .put("title", "Sample tune " + number).put("performer", "Emulator");
            case DOCUMENT -> stored(kind, fileId, uniqueId, number, SampleMedia.document(number), null)
                    .put("file_name", fileName == null ? "sample-" + number + ".txt" : fileName)
                    .put("mime_type", layout.mimeType());
            case STICKER -> stored(kind, fileId, uniqueId, number, SampleMedia.sticker(number), null)
                    .put("type", "regular").put("width", 512).put("height", 512).put("is_animated", false)
                    .put("is_video", false).put("emoji", "🙂");
            case ANIMATION -> generated(kind, fileId, uniqueId, number, 40_000).put("width", 320).put("height", 240)
                    .put("duration", 4).put("mime_type", layout.mimeType())
                    .put("file_name", fileName == null ? "animation.mp4" : fileName);
        };
        return remember(kind, media);
    }

    /** A media object for a file the bot uploaded: its bytes are kept and served back. */
    public JsonNode upload(MediaKind kind, ApiParams.UploadedFile upload) {
        long number = sequence.incrementAndGet();
        String fileId = fileId(kind, number);
        String uniqueId = uniqueId(number);
        byte[] content = upload.content();
        String type = upload.contentType().startsWith("application/octet-stream") ? Layout.of(kind).mimeType()
                : upload.contentType();
        JsonNode media = switch (kind) {
            case PHOTO -> photoSizes(fileId, uniqueId, number, content);
            case VIDEO -> stored(kind, fileId, uniqueId, number, content, upload.fileName()).put("width", 1280)
                    .put("height", 720).put("duration", 0).put("mime_type", type);
            case VOICE -> stored(kind, fileId, uniqueId, number, content, upload.fileName()).put("duration", 0)
                    .put("mime_type", type);
            case VIDEO_NOTE -> stored(kind, fileId, uniqueId, number, content, upload.fileName()).put("length", 384)
                    .put("duration", 0);
            case AUDIO, DOCUMENT, ANIMATION -> stored(kind, fileId, uniqueId, number, content, upload.fileName())
                    .put("file_name", upload.fileName()).put("mime_type", type);
            case STICKER -> stored(kind, fileId, uniqueId, number, content, upload.fileName()).put("type", "regular")
                    .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
        };
        return remember(kind, media);
    }

    /**
     * The media a send's file parameter stands for: a new file for an upload or a URL, the
     * known one for a file_id, else 400 {@code wrong file identifier/HTTP URL specified}.
     */
    public JsonNode resolve(MediaKind kind, ApiParams.InputFile input) {
        if (input.isUpload()) {
            return upload(kind, input.upload());
        }
        String reference = input.reference();
        if (reference.startsWith("http://") || reference.startsWith("https://")) {
            return create(kind, null);
        }
        return find(kind, reference)
                .orElseThrow(() -> ApiError.badRequest("wrong file identifier/HTTP URL specified"));
    }

    /** The media known by {@code fileId}, if it is of {@code kind}. */
    public Optional<JsonNode> find(MediaKind kind, String fileId) {
        MediaRecord found = byFileId.get(fileId);
        return found == null || found.kind() != kind ? Optional.empty() : Optional.of(found.media().deepCopy());
    }

    /** The file with this file_id (any kind, any photo size), for getFile. */
    public Optional<StoredFile> file(String fileId) {
        return Optional.ofNullable(files.get(fileId));
    }

    /** The file getFile placed at {@code path}, for downloads. */
    public Optional<StoredFile> fileAt(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private JsonNode remember(MediaKind kind, JsonNode media) {
        MediaRecord created = new MediaRecord(kind, media);
        if (media.isArray()) {
            media.forEach(size -> byFileId.put(size.path("file_id").asText(), created));
        } else {
            byFileId.put(media.path("file_id").asText(), created);
        }
        return media.deepCopy();
    }

    private String fileId(MediaKind kind, long number) {
        return "EMU" + kind.name().charAt(0) + Long.toString(botId, 36) + "_" + number;
    }

    private String uniqueId(long number) {
        return "U" + Long.toString(botId, 36) + "_" + number;
    }

    /** A file whose placeholder bytes are produced when downloaded. */
    private ObjectNode generated(MediaKind kind, String fileId, String uniqueId, long number, int size) {
        Layout layout = Layout.of(kind);
        long seed = botId * 31 + number;
        register(new StoredFile(fileId, uniqueId, path(layout, number, null), layout.mimeType(), size,
                () -> SampleMedia.placeholder(seed, size)));
        return fileJson(fileId, uniqueId, size);
    }

    private ObjectNode stored(MediaKind kind, String fileId, String uniqueId, long number, byte[] content,
                              String fileName) {
        Layout layout = Layout.of(kind);
        register(new StoredFile(fileId, uniqueId, path(layout, number, fileName), layout.mimeType(), content.length,
                () -> content));
        return fileJson(fileId, uniqueId, content.length);
    }

    private ArrayNode photoSizes(String fileId, String uniqueId, long number, byte[] uploaded) {
        ArrayNode sizes = mapper.createArrayNode();
        Layout layout = Layout.of(MediaKind.PHOTO);
        for (int index = 0; index < PHOTO_SIDES.length; index++) {
            int side = PHOTO_SIDES[index];
            String sizeId = fileId + PHOTO_SUFFIXES[index];
            String sizeUniqueId = uniqueId + PHOTO_SUFFIXES[index];
            byte[] content = uploaded != null ? uploaded : SampleMedia.photo(number, side);
            String path = layout.directory() + "/file_" + number + PHOTO_SUFFIXES[index] + "." + layout.extension();
            register(new StoredFile(sizeId, sizeUniqueId, path, layout.mimeType(), content.length, () -> content));
            sizes.add(fileJson(sizeId, sizeUniqueId, content.length).put("width", side).put("height", side));
        }
        return sizes;
    }

    private void register(StoredFile file) {
        files.put(file.fileId(), file);
        byPath.put(file.path(), file);
    }

    private static String path(Layout layout, long number, String fileName) {
        String extension = layout.extension();
        if (fileName != null && fileName.lastIndexOf('.') > 0) {
            String candidate = fileName.substring(fileName.lastIndexOf('.') + 1);
            if (candidate.matches("[A-Za-z0-9]{1,8}")) {
                extension = candidate;
            }
        }
        return layout.directory() + "/file_" + number + "." + extension;
    }

    private ObjectNode fileJson(String fileId, String uniqueId, int size) {
        return mapper.createObjectNode().put("file_id", fileId).put("file_unique_id", uniqueId)
                .put("file_size", size);
    }
}
