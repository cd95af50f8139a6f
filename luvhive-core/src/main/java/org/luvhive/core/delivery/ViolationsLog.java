package org.luvhive.core.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.luvhive.core.config.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The violations log, {@code $LUVHIVE_LOG_DIR/violations.log}: one JSON object per line per
 * event Telegram held against us (FloodWait) and per moderation decision, so the runbook's
 * {@code grep floodwait violations.log} finds every one. Appends are atomic per line; the
 * file is 0600 in a 0700 directory.
 * Thread-safe.
 */
public final class ViolationsLog {

    public static final String FILE_NAME = "violations.log";
    private static final Logger LOG = LoggerFactory.getLogger(ViolationsLog.class);

    private final Path file;
    private final ObjectMapper mapper;

    public ViolationsLog(Path logDirectory, ObjectMapper mapper) {
        this.file = logDirectory.resolve(FILE_NAME);
        this.mapper = mapper;
    }

    public Path file() {
        return file;
    }

    /** Appends one {@code floodwait} event. A log that cannot be written is reported, never fatal. */
    public void floodWait(Instant time, long chatId, String method, long retryAfterSeconds, String scope) {
        ObjectNode event = mapper.createObjectNode()
                .put("time", time.toString())
                .put("kind", "floodwait")
                .put("chat", chatId)
                .put("method", method)
                .put("retry_after", retryAfterSeconds)
                .put("scope", scope);
        append(event.toString());
    }

    /** Appends one event of another kind (e.g. {@code moderation}): time and kind first, then the fields. */
    public void event(String kind, Instant time, Consumer<ObjectNode> fields) {
        ObjectNode event = mapper.createObjectNode()
                .put("time", time.toString())
                .put("kind", kind);
        fields.accept(event);
        append(event.toString());
    }

    /**
     * Appends one {@code floodwait} event of the intake ({@code getUpdates}): no chat, scope
     * {@code intake}.
     */
    public void floodWaitOnIntake(Instant time, String method, long retryAfterSeconds) {
        ObjectNode event = mapper.createObjectNode()
                .put("time", time.toString())
                .put("kind", "floodwait")
                .putNull("chat")
                .put("method", method)
                .put("retry_after", retryAfterSeconds)
                .put("scope", "intake");
        append(event.toString());
    }

    private synchronized void append(String line) {
        try {
            PrivateFiles.append(file, (line + "\n").getBytes(StandardCharsets.UTF_8)); // 0600 in a 0700 directory
        } catch (IOException unwritable) {
            LOG.error("Cannot append to the violations log {}: {}", file, unwritable.getMessage());
        }
    }
}
