package org.luvhive.core.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads FloodWait events back from the violations log and its rotated files
 * ({@code violations.log.1}, {@code violations.log.2.gz}, ...), for the weekly review.
 * A line that is not JSON is skipped. Stateless; thread-safe.
 */
public final class ViolationsLogReader {

    private final Path directory;
    private final ObjectMapper mapper;

    public ViolationsLogReader(Path logDirectory, ObjectMapper mapper) {
        this.directory = logDirectory;
        this.mapper = mapper;
    }

    /** The FloodWait events in {@code [from, to)}, oldest first. */
    public List<FloodWaitEvent> floodWaits(Instant from, Instant to) {
        List<FloodWaitEvent> events = new ArrayList<>();
        for (Path file : files()) {
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.contains("\"floodwait\"")) {
                        parse(line, from, to, events);
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read " + file + ": " + unreadable.getMessage(), unreadable);
            }
        }
        events.sort(Comparator.comparing(FloodWaitEvent::time));
        return events;
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.filter(path -> path.getFileName().toString().startsWith(ViolationsLog.FILE_NAME))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot list " + directory + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private void parse(String line, Instant from, Instant to, List<FloodWaitEvent> events) {
        try {
            JsonNode json = mapper.readTree(line);
            if (!"floodwait".equals(json.path("kind").asText())) {
                return;
            }
            Instant time = Instant.parse(json.path("time").asText());
            if (!time.isBefore(from) && time.isBefore(to)) {
                events.add(new FloodWaitEvent(time, json.path("chat").asLong(), json.path("method").asText(),
                        json.path("retry_after").asLong(), json.path("scope").asText()));
            }
        } catch (IOException | RuntimeException notAnEvent) {
            // a torn or foreign line: the report is about the events that parse
        }
    }
}
