package org.luvhive.drill.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every numbered text of a run: when its user wrote it and each time its partner was shown
 * it. A stream is one user's texts to their partner ({@code pair.side}), numbered from 1 in
 * the order written. Thread-safe.
 */
final class DeliveryLedger {

    private final Map<String, Map<Integer, Entry>> streams = new HashMap<>();

    /** One text: written at, shown at (every time). */
    private record Entry(Instant sent, List<Instant> shown) {
    }

    synchronized void sent(String stream, int number, Instant at) {
        streams.computeIfAbsent(stream, ignored -> new HashMap<>()).put(number, new Entry(at, new ArrayList<>()));
    }

    synchronized void delivered(String stream, int number, Instant at) {
        Entry entry = streams.getOrDefault(stream, Map.of()).get(number);
        if (entry != null) {
            entry.shown().add(at);
        }
    }

    /** Whether every text written before {@code instant} was shown. */
    synchronized boolean allDeliveredSentBefore(Instant instant) {
        return entries().stream().filter(entry -> entry.sent().isBefore(instant)).allMatch(entry -> !entry.shown().isEmpty());
    }

    synchronized int messages() {
        return entries().size();
    }

    synchronized int lost() {
        return (int) entries().stream().filter(entry -> entry.shown().isEmpty()).count();
    }

    synchronized int duplicated() {
        return entries().stream().mapToInt(entry -> Math.max(0, entry.shown().size() - 1)).sum();
    }

    /**
     * Texts shown (for the first time) after a later text of the same stream had been shown:
     * each stream's first showings taken in the order they happened.
     */
    synchronized int reordered() {
        int reordered = 0;
        for (Map<Integer, Entry> stream : streams.values()) {
            List<Map.Entry<Integer, Instant>> firstShown = new ArrayList<>();
            stream.forEach((number, entry) -> {
                if (!entry.shown().isEmpty()) {
                    firstShown.add(Map.entry(number, entry.shown().get(0)));
                }
            });
            firstShown.sort(Map.Entry.<Integer, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            int highest = 0;
            for (Map.Entry<Integer, Instant> shown : firstShown) {
                if (shown.getKey() < highest) {
                    reordered++;
                }
                highest = Math.max(highest, shown.getKey());
            }
        }
        return reordered;
    }

    /** The longest time from writing a text to its partner first seeing it. */
    synchronized Duration maxDeliveryDelay() {
        return entries().stream().filter(entry -> !entry.shown().isEmpty())
                .map(entry -> Duration.between(entry.sent(), entry.shown().get(0)))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * How long the relay took to recover from something that happened at {@code at}: until
     * every text written before it and not yet shown then was shown, and a text written after
     * it was shown, whichever came later; empty when one of those was never shown.
     */
    synchronized Optional<Duration> recoveryAfter(Instant at) {
        Instant recovered = at;
        Instant firstAfter = null;
        for (Entry entry : entries()) {
            Optional<Instant> shown = entry.shown().stream().findFirst();
            if (entry.sent().isBefore(at)) {
                if (shown.isEmpty()) {
                    return Optional.empty();
                }
                if (shown.get().isAfter(recovered)) {
                    recovered = shown.get();
                }
            } else if (shown.isPresent() && (firstAfter == null || shown.get().isBefore(firstAfter))) {
                firstAfter = shown.get();
            }
        }
        if (firstAfter == null) {
            return Optional.empty();
        }
        Instant later = firstAfter.isAfter(recovered) ? firstAfter : recovered;
        return Optional.of(Duration.between(at, later));
    }

    /** Each text shown more than once: its stream, number, when written and each showing. */
    synchronized List<String> duplicates() {
        List<String> found = new ArrayList<>();
        streams.forEach((stream, entries) -> entries.forEach((number, entry) -> {
            if (entry.shown().size() > 1) {
                found.add(stream + " #" + number + " written " + entry.sent() + ", shown " + entry.shown());
            }
        }));
        return found;
    }

    /** Each text never shown: its stream, number and when written. */
    synchronized List<String> lostTexts() {
        List<String> found = new ArrayList<>();
        streams.forEach((stream, entries) -> entries.forEach((number, entry) -> {
            if (entry.shown().isEmpty()) {
                found.add(stream + " #" + number + " written " + entry.sent());
            }
        }));
        return found;
    }

    /** The text that ended the recovery after {@code at} (see {@link #recoveryAfter}): stream, number, times. */
    synchronized String lastToRecover(Instant at) {
        String last = "none";
        Instant latest = at;
        for (Map.Entry<String, Map<Integer, Entry>> stream : streams.entrySet()) {
            for (Map.Entry<Integer, Entry> text : stream.getValue().entrySet()) {
                Entry entry = text.getValue();
                if (entry.sent().isBefore(at) && !entry.shown().isEmpty() && entry.shown().get(0).isAfter(latest)) {
                    latest = entry.shown().get(0);
                    last = stream.getKey() + " #" + text.getKey() + " written " + entry.sent() + ", shown " + latest;
                }
            }
        }
        return last;
    }

    private List<Entry> entries() {
        return streams.values().stream().flatMap(stream -> stream.values().stream()).toList();
    }
}
