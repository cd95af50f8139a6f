package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.luvhive.core.config.PrivateFiles;
import org.slf4j.LoggerFactory;

/**
 * The backup log, {@code $LUVHIVE_LOG_DIR/backup.log}: one JSON object per run (time,
 * command, backup, outcome, duration, bytes, message, and for create the milliseconds of
 * each step), appended with O_APPEND so lines of
 * concurrent runs do not interleave. Messages pass the {@link Redactor}. Thread-safe.
 */
public final class BackupLog {

    public static final String FILE_NAME = "backup.log";

    private final Path file;
    private final Redactor redactor;
    private final ManifestJson json;

    public BackupLog(Path logDirectory, Redactor redactor, ManifestJson json) {
        this.file = logDirectory.resolve(FILE_NAME);
        this.redactor = redactor;
        this.json = json;
    }

    /**
     * One entry.
     *
     * @param time     when the run ended
     * @param command  create, verify, ...
     * @param backup   the backup's name, if one was involved
     * @param outcome  ok, failed, or the check status
     * @param duration how long the run took
     * @param bytes    bytes written or read, if any
     * @param message  what happened, one line
     * @param steps    where the time went, in milliseconds per step (create only; else empty)
     */
    public record Entry(Instant time, String command, String backup, String outcome, Duration duration, Long bytes,
                       String message, Map<String, Long> steps) {

        public Entry(Instant time, String command, String backup, String outcome, Duration duration, Long bytes,
                     String message) {
            this(time, command, backup, outcome, duration, bytes, message, Map.of());
        }
    }

    /** Appends the entry; a log that cannot be written is reported but never fails the backup itself. */
    public void append(Entry entry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", entry.time().toString());
        line.put("command", entry.command());
        line.put("backup", entry.backup());
        line.put("outcome", entry.outcome());
        line.put("duration_ms", entry.duration().toMillis());
        line.put("bytes", entry.bytes());
        line.put("message", redactor.redact(entry.message()));
        line.put("pid", ProcessHandle.current().pid());
        if (!entry.steps().isEmpty()) {
            line.put("steps_ms", entry.steps());
        }
        try {
            PrivateFiles.append(file, (json.line(line) + "\n").getBytes(StandardCharsets.UTF_8)); // 0600, dir 0700
        } catch (IOException | RuntimeException failure) {
            // the logger is looked up only here: a run that never warns never starts the logging backend
            LoggerFactory.getLogger(BackupLog.class).warn("cannot append to the backup log {}: {}", file, failure.getMessage());
        }
    }

    public Path file() {
        return file;
    }
}
