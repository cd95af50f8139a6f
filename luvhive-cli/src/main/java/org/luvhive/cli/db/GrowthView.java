package org.luvhive.cli.db;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.luvhive.core.dbops.GrowthReport;

/** The JSON of {@code luvhive db growth}, and how a projection reads. */
final class GrowthView {

    private GrowthView() {
    }

    static String when(GrowthReport.Projection projection) {
        if (projection.alreadyReached()) {
            return "already reached";
        }
        if (projection.days().isEmpty()) {
            return "not reached at this rate (the database is not growing, or its growth is not known yet)";
        }
        return String.format(Locale.ROOT, "reached in about %.0f days (%s) at this rate", projection.days().get(),
                DbText.time(projection.reachedAt().orElseThrow()).substring(0, 10));
    }

    static Map<String, Object> json(GrowthReport report, Long budget) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("at", report.at().toString());
        document.put("window_days", report.window().toDays());
        document.put("current_bytes", report.currentBytes());
        document.put("samples", report.samples().stream().map(sample -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", sample.day().toString());
            row.put("bytes", sample.bytes());
            row.put("sampled_at", sample.sampledAt().toString());
            return row;
        }).toList());
        document.put("growth", report.growth().map(growth -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from_day", growth.from().day().toString());
            row.put("days", growth.days());
            row.put("bytes", growth.bytes());
            row.put("bytes_per_day", growth.bytesPerDay());
            return row;
        }).orElse(null));
        document.put("tables", report.tables().stream().map(table -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", table.table());
            row.put("bytes", table.bytes());
            row.put("bytes_per_day", table.bytesPerDay());
            return row;
        }).toList());
        document.put("budget_bytes", budget);
        document.put("projections", report.projections().stream().map(projection -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("limit", projection.limit().name());
            row.put("remaining_bytes", projection.limit().remainingBytes());
            row.put("days", projection.days().orElse(null));
            row.put("reached_at", projection.reachedAt().map(Object::toString).orElse(null));
            return row;
        }).toList());
        return document;
    }
}
