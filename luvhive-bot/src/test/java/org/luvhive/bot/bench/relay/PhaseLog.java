package org.luvhive.bot.bench.relay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every message of one phase: who sent it when (the user's send at the emulator), and
 * when its copy reached the partner's chat at the emulator. Message {@code n} carries the
 * text {@code b<phase>-<n>}; numbers rise in the order messages are sent, so a partner
 * must see them rising too (per-chat order). Thread-safe: the load thread records sends,
 * the emulator's threads record arrivals.
 */
final class PhaseLog {

    private final int id;
    private final String name;
    private long[] sentNanos = new long[1024];
    private long[] arrivedNanos = new long[1024];
    private int[] sender = new int[1024];
    private int[] sourceMessage = new int[1024];
    private int count;
    private int delivered;
    private int duplicated;
    private int reordered;
    private long firstSend;
    private long lastSend;
    private long lastArrival;
    private int boundary;
    private int deliveredBelowBoundary;
    private final Map<Long, Integer> lastSeenByChat = new HashMap<>();

    PhaseLog(int id, String name) {
        this.id = id;
        this.name = name;
    }

    int id() {
        return id;
    }

    String name() {
        return name;
    }

    /** Reserves the next message number, stamped with the time its send starts. */
    synchronized int begin(int senderIndex, long nanos) {
        if (count == sentNanos.length) {
            int size = count * 2;
            sentNanos = Arrays.copyOf(sentNanos, size);
            arrivedNanos = Arrays.copyOf(arrivedNanos, size);
            sender = Arrays.copyOf(sender, size);
            sourceMessage = Arrays.copyOf(sourceMessage, size);
        }
        int number = count++;
        sentNanos[number] = nanos;
        sender[number] = senderIndex;
        if (number == 0) {
            firstSend = nanos;
        }
        lastSend = nanos;
        return number;
    }

    /** The emulator stored message {@code number} in the sender's chat under this id. */
    synchronized void stored(int number, int messageId) {
        sourceMessage[number] = messageId;
    }

    /** A copy of message {@code number} reached {@code chatId}. */
    synchronized void arrived(int number, long chatId, long nanos) {
        if (number < 0 || number >= count) {
            return;
        }
        if (arrivedNanos[number] != 0) {
            duplicated++;
            return;
        }
        arrivedNanos[number] = nanos;
        delivered++;
        if (number < boundary) {
            deliveredBelowBoundary++;
        }
        lastArrival = Math.max(lastArrival, nanos);
        Integer previous = lastSeenByChat.get(chatId);
        if (previous != null && previous > number) {
            reordered++;
        } else {
            lastSeenByChat.put(chatId, number);
        }
    }

    /** From now on counts the deliveries of messages numbered below {@code number} apart. */
    synchronized void countBelow(int number) {
        boundary = number;
        deliveredBelowBoundary = 0;
        for (int earlier = 0; earlier < Math.min(number, count); earlier++) {
            deliveredBelowBoundary += arrivedNanos[earlier] != 0 ? 1 : 0;
        }
    }

    /** Messages numbered below the {@link #countBelow} boundary that were delivered. */
    synchronized int deliveredBelowBoundary() {
        return deliveredBelowBoundary;
    }

    synchronized int sent() {
        return count;
    }

    synchronized int delivered() {
        return delivered;
    }

    /** What the phase saw so far, copied. */
    synchronized Snapshot snapshot() {
        return new Snapshot(Arrays.copyOf(sentNanos, count), Arrays.copyOf(arrivedNanos, count),
                Arrays.copyOf(sender, count), Arrays.copyOf(sourceMessage, count), delivered, duplicated, reordered,
                firstSend, lastSend, lastArrival);
    }

    /** A copy of the phase's figures; arrays indexed by message number (0 arrival: not delivered). */
    record Snapshot(long[] sentNanos, long[] arrivedNanos, int[] sender, int[] sourceMessage, int delivered,
                    int duplicated, int reordered, long firstSend, long lastSend, long lastArrival) {

        int sent() {
            return sentNanos.length;
        }

        /** Send-to-copy latencies of the delivered messages, in milliseconds, sorted. */
        double[] latenciesMillis() {
            double[] latencies = new double[delivered];
            int index = 0;
            for (int number = 0; number < sentNanos.length; number++) {
                if (arrivedNanos[number] != 0) {
                    latencies[index++] = (arrivedNanos[number] - sentNanos[number]) / 1e6;
                }
            }
            Arrays.sort(latencies);
            return latencies;
        }
    }
}
