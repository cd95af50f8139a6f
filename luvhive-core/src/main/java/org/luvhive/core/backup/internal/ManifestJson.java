package org.luvhive.core.backup.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.luvhive.core.backup.BackupManifest;

/**
 * Reads and writes manifests as snake_case JSON with ISO-8601 times; unknown fields are
 * ignored, so older builds read newer manifests. Every write seals the manifest (its
 * {@code manifest_sha256}, {@link ManifestSeal}); every read says whether the seal holds.
 * Also reads and writes the backup directory's other small JSON files. Thread-safe.
 */
public final class ManifestJson {

    /**
     * A manifest as read from its file.
     *
     * @param manifest what it says
     * @param seal     whether it is as luvhive last wrote it
     */
    public record Stored(BackupManifest manifest, ManifestSeal.State seal) {
    }

    // made on first use: Jackson's start-up (~30 ms) is kept off the way to pg_dump's start (see prepare)
    private volatile ObjectMapper mapper;

    /**
     * Builds the mapper and the manifest's serializer now, so that writing the manifest
     * later is quick: backup create calls it while waiting for pg_dump.
     */
    public void prepare() {
        mapper().writerFor(BackupManifest.class);
    }

    public Stored read(Path file) {
        try {
            JsonNode tree = mapper().readTree(file.toFile());
            if (tree == null || tree.isNull() || tree.isMissingNode()) {
                throw new UncheckedIOException("cannot read the manifest " + file + ": it holds JSON null",
                        new IOException("null manifest"));
            }
            if (!tree.isObject()) {
                throw new UncheckedIOException("cannot read the manifest " + file + ": it is not a JSON object",
                        new IOException("not an object"));
            }
            return new Stored(mapper().treeToValue(tree, BackupManifest.class), ManifestSeal.check(tree));
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read the manifest " + file + ": " + oneLine(failure), failure);
        }
    }

    /** Jackson's message without its second line (the source location), which then goes in brackets. */
    static String oneLine(IOException failure) {
        if (failure instanceof JsonProcessingException parsing) {
            JsonLocation where = parsing.getLocation();
            String message = String.valueOf(parsing.getOriginalMessage()).replaceAll("\\s+", " ").strip();
            return where == null || where.getLineNr() < 0 ? message
                    : message + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        }
        return failure instanceof NoSuchFileException ? "no such file"
                : String.valueOf(failure.getMessage()).replaceAll("\\s+", " ").strip();
    }

    /**
     * Writes the manifest sealed with its checksum, atomically: a reader sees the old
     * manifest or the new one, never half of one.
     */
    public void write(Path file, BackupManifest manifest) {
        try {
            ObjectNode tree = mapper().valueToTree(manifest);
            ManifestSeal.seal(tree);
            SecureFiles.writeAtomically(file, mapper().writeValueAsBytes(tree));
        } catch (IOException | IllegalArgumentException failure) {
            throw new UncheckedIOException("cannot write the manifest " + file, failure instanceof IOException io
                    ? io : new IOException(failure));
        }
    }

    /** Reads a small JSON file of the backup directory (not a manifest) as {@code type}. */
    public <T> T readValue(Path file, Class<T> type) {
        try {
            return mapper().readValue(file.toFile(), type);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + file + ": " + oneLine(failure), failure);
        }
    }

    /** Writes a small JSON file of the backup directory (not a manifest), atomically and owner-only. */
    public void writeValue(Path file, Object value) {
        try {
            SecureFiles.writeAtomically(file, mapper().writeValueAsBytes(value));
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + file, failure);
        }
    }

    /** One compact line of JSON (for the backup log). */
    public String line(Object value) {
        try {
            return mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private ObjectMapper mapper() {
        ObjectMapper made = mapper;
        if (made == null) {
            synchronized (this) {
                made = mapper;
                if (made == null) {
                    made = new ObjectMapper()
                            .registerModule(new JavaTimeModule())
                            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .enable(SerializationFeature.INDENT_OUTPUT);
                    mapper = made;
                }
            }
        }
        return made;
    }
}
