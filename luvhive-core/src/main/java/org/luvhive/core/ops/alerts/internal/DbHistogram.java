package org.luvhive.core.ops.alerts.internal;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * The DB query timers' histogram at one moment, every outcome merged: bucket upper
 * bounds (ms) with the cumulative count at or below each, and the total count. The
 * difference of two snapshots is the histogram of the queries in between, from which a
 * quantile is estimated the way Prometheus's {@code histogram_quantile} does (linear
 * within the bucket). Immutable.
 */
public record DbHistogram(double[] boundsMillis, double[] cumulative, double total) {

    public static final DbHistogram EMPTY = new DbHistogram(new double[0], new double[0], 0);

    /** Merges timers that share their bucket bounds (one timer per outcome tag). */
    public static DbHistogram of(Collection<Timer> timers) {
        double[] bounds = null;
        double[] counts = null;
        double total = 0;
        for (Timer timer : timers) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            CountAtBucket[] buckets = snapshot.histogramCounts();
            total += snapshot.count();
            if (buckets.length == 0) {
                continue;
            }
            if (bounds == null) {
                bounds = new double[buckets.length];
                counts = new double[buckets.length];
                for (int index = 0; index < buckets.length; index++) {
                    bounds[index] = buckets[index].bucket(TimeUnit.MILLISECONDS);
                }
            }
            if (buckets.length != bounds.length) {
                continue; // differently configured timer under the same name: cannot merge
            }
            for (int index = 0; index < buckets.length; index++) {
                counts[index] += buckets[index].count();
            }
        }
        return bounds == null ? new DbHistogram(new double[0], new double[0], total)
                : new DbHistogram(bounds, counts, total);
    }

    public boolean hasBuckets() {
        return boundsMillis.length > 0;
    }

    /** What was recorded after {@code earlier}; a reset (a counter that went down) counts from zero. */
    public DbHistogram since(DbHistogram earlier) {
        if (earlier.total > total || !Arrays.equals(earlier.boundsMillis, boundsMillis)) {
            return this;
        }
        double[] delta = new double[cumulative.length];
        for (int index = 0; index < delta.length; index++) {
            delta[index] = Math.max(0, cumulative[index] - earlier.cumulative[index]);
        }
        return new DbHistogram(boundsMillis, delta, total - earlier.total);
    }

    /**
     * The {@code quantile} (0..1) in ms; NaN without buckets or without observations.
     * Beyond the last bucket it answers that bucket's bound, as Prometheus does.
     */
    public double quantileMillis(double quantile) {
        if (!hasBuckets() || total <= 0) {
            return Double.NaN;
        }
        double rank = quantile * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (int index = 0; index < boundsMillis.length; index++) {
            double count = cumulative[index];
            if (count >= rank && count > lowerCount) {
                return lowerBound + (boundsMillis[index] - lowerBound) * (rank - lowerCount) / (count - lowerCount);
            }
            lowerBound = boundsMillis[index];
            lowerCount = count;
        }
        return boundsMillis[boundsMillis.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DbHistogram that && total == that.total
                && Arrays.equals(boundsMillis, that.boundsMillis) && Arrays.equals(cumulative, that.cumulative);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(total) * 31 + Arrays.hashCode(cumulative);
    }

    @Override
    public String toString() {
        return "DbHistogram[total=" + total + ", buckets=" + boundsMillis.length + "]";
    }
}
