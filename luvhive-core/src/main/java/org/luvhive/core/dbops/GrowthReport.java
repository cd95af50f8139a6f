package org.luvhive.core.dbops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How fast the database grows ({@code luvhive db growth}): the daily samples of a window,
 * the growth per day from the window's first sample to the size now, the tables that grew
 * most, and when each given limit (the disk, a budget) is reached at that rate. Immutable.
 *
 * @param at          now
 * @param window      how far back the samples go
 * @param samples     the daily samples in the window, oldest first
 * @param currentBytes the database's size now
 * @param growth      the growth since the first sample, if it is from an earlier day
 * @param tables      the tables by growth, most first (at most {@value #TOP_TABLES})
 * @param projections when each limit is reached
 */
public record GrowthReport(Instant at, Duration window, List<SizeSample> samples, long currentBytes,
                           Optional<Growth> growth, List<TableGrowth> tables, List<Projection> projections) {

    public static final int TOP_TABLES = 5;
    private static final double DAY_SECONDS = Duration.ofDays(1).toSeconds();

    public GrowthReport {
        samples = List.copyOf(samples);
        tables = List.copyOf(tables);
        projections = List.copyOf(projections);
    }

    /**
     * @param from        the sample growth is measured from
     * @param days        days from it to now
     * @param bytes       the growth in that time (negative: it shrank)
     * @param bytesPerDay the growth per day
     */
    public record Growth(SizeSample from, double days, long bytes, double bytesPerDay) {
    }

    /** One table's growth over the same days. */
    public record TableGrowth(String table, long bytes, double bytesPerDay) {
    }

    /**
     * A size the database must stay under.
     *
     * @param name           {@code disk} or {@code budget}
     * @param description    what it is, for people ("40.0 GiB free on /var/lib/...", "budget 10.0 GiB")
     * @param remainingBytes how much more the database may grow
     */
    public record Limit(String name, String description, long remainingBytes) {

        /** The space left on the file system of {@code dataDirectory}. */
        public static Limit diskOf(Path dataDirectory) {
            try {
                long usable = Files.getFileStore(dataDirectory).getUsableSpace();
                return new Limit("disk", "free on the disk of " + dataDirectory, usable);
            } catch (IOException failure) {
                throw new UncheckedIOException("cannot read the free space of " + dataDirectory, failure);
            }
        }

        /** A budget for the database's whole size. */
        public static Limit budget(long budgetBytes, long currentBytes) {
            return new Limit("budget", "the budget", budgetBytes - currentBytes);
        }
    }

    /**
     * @param limit  the limit
     * @param days   days until it is reached at the current rate; empty when the database does not grow
     * @param reachedAt that moment
     */
    public record Projection(Limit limit, Optional<Double> days, Optional<Instant> reachedAt) {

        public boolean alreadyReached() {
            return limit.remainingBytes() <= 0;
        }
    }

    public static GrowthReport of(SizeHistory history, SizeReport current, Instant now, Duration window,
                                  List<Limit> limits) {
        List<SizeSample> samples = history.within(now, window);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Optional<SizeSample> first = samples.stream().filter(sample -> sample.day().isBefore(today)).findFirst();
        Optional<Growth> growth = first.map(from -> {
            double days = Math.max(Duration.between(from.sampledAt(), now).toSeconds(), 1) / DAY_SECONDS;
            long bytes = current.databaseBytes() - from.bytes();
            return new Growth(from, days, bytes, bytes / days);
        });
        List<TableGrowth> tables = growth.map(measured -> tableGrowth(history.tablesOn(measured.from().day()),
                current, measured.days())).orElse(List.of());
        List<Projection> projections = limits.stream().map(limit -> project(limit, growth, now)).toList();
        return new GrowthReport(now, window, samples, current.databaseBytes(), growth, tables, projections);
    }

    private static List<TableGrowth> tableGrowth(Map<String, Long> before, SizeReport current, double days) {
        List<TableGrowth> tables = new ArrayList<>();
        for (TableSize table : current.tables()) {
            long bytes = table.totalBytes() - before.getOrDefault(table.table(), 0L);
            tables.add(new TableGrowth(table.table(), bytes, bytes / days));
        }
        tables.sort(Comparator.comparingLong(TableGrowth::bytes).reversed().thenComparing(TableGrowth::table));
        return tables.subList(0, Math.min(TOP_TABLES, tables.size()));
    }

    private static Projection project(Limit limit, Optional<Growth> growth, Instant now) {
        if (limit.remainingBytes() <= 0) {
            return new Projection(limit, Optional.of(0.0), Optional.of(now));
        }
        if (growth.isEmpty() || growth.get().bytesPerDay() <= 0) {
            return new Projection(limit, Optional.empty(), Optional.empty());
        }
        double days = limit.remainingBytes() / growth.get().bytesPerDay();
        long seconds = (long) Math.min(days * DAY_SECONDS, Duration.ofDays(365L * 1000).toSeconds());
        return new Projection(limit, Optional.of(days), Optional.of(now.plusSeconds(seconds)));
    }
}
