package org.luvhive.bot.bench.relay;

/** Nearest-rank percentiles of sorted values. Stateless. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percent} percentile of {@code sorted}, rounded to 0.1; 0 when there are none. */
    static double of(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return Math.round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] * 10) / 10.0;
    }
}
