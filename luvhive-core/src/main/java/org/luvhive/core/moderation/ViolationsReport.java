package org.luvhive.core.moderation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.delivery.FloodWaitEvent;
import org.luvhive.core.delivery.ViolationsLogReader;
import org.luvhive.core.moderation.internal.ReportDao;

/**
 * The runbook's weekly review of moderation: rule hits in a period against the period
 * before (by rule, kind or day), decisions by action, the top offenders (ids only), and
 * the FloodWaits of the same period from the violations log. Immutable.
 *
 * @param from        the period's start (inclusive)
 * @param to          its end (exclusive): now
 * @param by          how {@code counts} are grouped
 * @param counts      rule hits per group, with the previous period's
 * @param actions     decisions per action, with the previous period's
 * @param days        every UTC day of the period: rule hits and FloodWaits
 * @param offenders   the users with the most rule hits
 * @param floodWaits  the FloodWaits of the period, oldest first
 * @param previousFloodWaits how many the previous period had
 */
public record ViolationsReport(Instant from, Instant to, Grouping by, List<Count> counts, List<Count> actions,
                               List<Day> days, List<Offender> offenders, List<FloodWaitEvent> floodWaits,
                               long previousFloodWaits) {

    /** How rule hits are grouped. */
    public enum Grouping {
        RULE, KIND, DAY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A group's count now and in the period before.
     *
     * @param key      a rule, a kind, an action, or a day (YYYY-MM-DD)
     * @param current  in this period
     * @param previous in the period before (for a day: the same day one period earlier)
     */
    public record Count(String key, long current, long previous) {

        /** The change against the previous period in percent; null when there was nothing before. */
        public Double changePercent() {
            return previous == 0 ? null : (current - previous) * 100.0 / previous;
        }
    }

    /** One UTC day of the period: rule hits and FloodWaits. */
    public record Day(LocalDate day, long hits, long floodWaits) {
    }

    /** A user with the most rule hits, and how many of them were strikes. */
    public record Offender(long userId, long hits, long strikes) {
    }

    public static final int TOP_OFFENDERS = 10;

    public static ViolationsReport build(Jdbi jdbi, ViolationsLogReader log, Instant now, Duration period,
                                         Grouping by) {
        Instant from = now.minus(period);
        Instant previousFrom = from.minus(period);
        List<FloodWaitEvent> floodWaits = log.floodWaits(from, now);
        long previousFloodWaits = log.floodWaits(previousFrom, from).size();
        return jdbi.withHandle(handle -> {
            ReportDao dao = handle.attach(ReportDao.class);
            List<Count> counts = switch (by) {
                case RULE -> counts(dao.hitsBy("rules", previousFrom, from, now));
                case KIND -> counts(dao.hitsBy("kinds", previousFrom, from, now));
                case DAY -> byDay(dao.hitsByDay(from, now), dao.hitsByDay(previousFrom, from), from, now, period);
            };
            List<Day> days = days(dao.hitsByDay(from, now), floodWaits, from, now);
            List<Offender> offenders = dao.topOffenders(from, now, TOP_OFFENDERS).stream()
                    .map(row -> new Offender(row.userId(), row.hits(), row.strikes())).toList();
            return new ViolationsReport(from, now, by, counts, counts(dao.decisionsByAction(previousFrom, from, now)),
                    days, offenders, floodWaits, previousFloodWaits);
        });
    }

    public long totalHits() {
        return days.stream().mapToLong(Day::hits).sum();
    }

    public Map<String, Long> floodWaitsByScope() {
        return floodWaits.stream().collect(Collectors.groupingBy(FloodWaitEvent::scope, TreeMap::new,
                Collectors.counting()));
    }

    private static List<Count> counts(List<ReportDao.Count> rows) {
        return rows.stream().map(row -> new Count(row.key(), row.current(), row.previous())).toList();
    }

    private static List<Count> byDay(List<ReportDao.Count> current, List<ReportDao.Count> previous, Instant from,
                                     Instant to, Duration period) {
        Map<String, Long> now = current.stream().collect(Collectors.toMap(ReportDao.Count::key,
                ReportDao.Count::current));
        Map<String, Long> before = previous.stream().collect(Collectors.toMap(ReportDao.Count::key,
                ReportDao.Count::current));
        List<Count> counts = new ArrayList<>();
        for (LocalDate day : dates(from, to)) {
            String earlier = day.minusDays(Math.max(1, period.toDays())).toString();
            counts.add(new Count(day.toString(), now.getOrDefault(day.toString(), 0L),
                    before.getOrDefault(earlier, 0L)));
        }
        return counts;
    }

    private static List<Day> days(List<ReportDao.Count> hits, List<FloodWaitEvent> floodWaits, Instant from,
                                  Instant to) {
        Map<String, Long> hitsByDay = hits.stream().collect(Collectors.toMap(ReportDao.Count::key,
                ReportDao.Count::current));
        Map<LocalDate, Long> waitsByDay = floodWaits.stream().collect(Collectors.groupingBy(
                event -> LocalDate.ofInstant(event.time(), ZoneOffset.UTC), Collectors.counting()));
        Map<LocalDate, Day> days = new LinkedHashMap<>();
        for (LocalDate day : dates(from, to)) {
            days.put(day, new Day(day, hitsByDay.getOrDefault(day.toString(), 0L), waitsByDay.getOrDefault(day, 0L)));
        }
        return List.copyOf(days.values());
    }

    /** The UTC days the period touches, oldest first. */
    private static List<LocalDate> dates(Instant from, Instant to) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.isAfter(last); day = day.plusDays(1)) {
            dates.add(day);
        }
        return dates;
    }
}
