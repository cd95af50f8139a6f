package org.luvhive.core.ops.alerts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The samples of the longest window, oldest first, as a bounded ring: a sample leaves
 * once a newer one is old enough to serve as the start of every window. Not thread-safe
 * (the evaluator samples on one thread).
 */
public final class SampleWindow {

    private final Duration keep;
    private final int capacity;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /**
     * @param keep     the longest window
     * @param capacity the most samples kept whatever their times (a safety bound)
     */
    public SampleWindow(Duration keep, int capacity) {
        this.keep = keep;
        this.capacity = capacity;
    }

    public void add(Sample sample) {
        if (!samples.isEmpty() && sample.at().isBefore(samples.peekLast().at())) {
            samples.clear(); // the clock went back: windows start again
        }
        samples.addLast(sample);
        Instant start = sample.at().minus(keep);
        // keep one sample at or before the window's start: it is the window's baseline
        while (samples.size() > 1 && !secondOldest().at().isAfter(start)) {
            samples.removeFirst();
        }
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    private Sample secondOldest() {
        Iterator<Sample> iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }

    public Sample latest() {
        return samples.peekLast();
    }

    /**
     * Where a window of {@code length} ending at the latest sample starts: the newest
     * sample at or before its start, else (history shorter than the window) the oldest.
     */
    public Sample baseline(Duration length) {
        Instant start = latest().at().minus(length);
        Sample baseline = samples.peekFirst();
        for (Sample sample : samples) {
            if (sample.at().isAfter(start)) {
                break;
            }
            baseline = sample;
        }
        return baseline;
    }

    public int size() {
        return samples.size();
    }
}
