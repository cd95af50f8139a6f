package org.luvhive.core.dbops;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.dbops.internal.SizeHistoryDao;
import org.luvhive.core.dbops.internal.SizeQueries;

/**
 * The database's size once a day, since PostgreSQL keeps no history: a running bot
 * calls {@link #sampleIfDue} often (hourly), and the first call of each UTC day stores
 * the database's and every table's size; several instances store one sample a day
 * between them. Samples are kept {@value #KEEP_DAYS} days. Thread-safe.
 */
public final class SizeHistory {

    public static final int KEEP_DAYS = 400;

    private final Jdbi jdbi;

    public SizeHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the sizes for {@code now}'s UTC day unless that day has them; returns whether it stored. */
    public boolean sampleIfDue(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (jdbi.withExtension(SizeHistoryDao.class, dao -> dao.sampled(day))) {
            return false;
        }
        return jdbi.inTransaction(handle -> {
            SizeReport sizes = SizeQueries.report(handle);
            SizeHistoryDao dao = handle.attach(SizeHistoryDao.class);
            if (dao.insertDay(day, sizes.databaseBytes(), now) == 0) {
                return false; // another instance was quicker
            }
            dao.insertTables(day, sizes.tables().stream().map(TableSize::table).toList(),
                    sizes.tables().stream().map(TableSize::totalBytes).toList(),
                    sizes.tables().stream().map(TableSize::liveRows).toList());
            dao.deleteBefore(oldestKept(now));
            return true;
        });
    }

    /** The oldest day whose sample is kept at {@code now}. */
    static LocalDate oldestKept(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(KEEP_DAYS);
    }

    /** The samples of the last {@code window} before {@code now}, oldest first. */
    public List<SizeSample> within(Instant now, Duration window) {
        LocalDate from = LocalDate.ofInstant(now.minus(window), ZoneOffset.UTC);
        return jdbi.withExtension(SizeHistoryDao.class, dao -> dao.since(from));
    }

    /** Each table's total size on {@code day}. */
    public Map<String, Long> tablesOn(LocalDate day) {
        Map<String, Long> tables = new LinkedHashMap<>();
        jdbi.withExtension(SizeHistoryDao.class, dao -> dao.tablesOn(day))
                .forEach(table -> tables.put(table.tableName(), table.totalBytes()));
        return tables;
    }
}
