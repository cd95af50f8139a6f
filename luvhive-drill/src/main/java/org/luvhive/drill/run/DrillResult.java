package org.luvhive.drill.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a drill went, as its JSON summary line says it: {@code drill}, {@code passed},
 * {@code steps}, {@code time_to_detect_s} and {@code time_to_recover_s} (from the break;
 * null when it never got there), {@code lost}, {@code duplicated}, {@code took_s}, and the
 * failure when it failed. Immutable.
 */
public record DrillResult(String drill, boolean passed, int steps, Double timeToDetectSeconds,
                          Double timeToRecoverSeconds, long lost, long duplicated, double tookSeconds,
                          String failure) {

    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("drill", drill);
        summary.put("passed", passed);
        summary.put("steps", steps);
        summary.put("time_to_detect_s", timeToDetectSeconds);
        summary.put("time_to_recover_s", timeToRecoverSeconds);
        summary.put("lost", lost);
        summary.put("duplicated", duplicated);
        summary.put("took_s", tookSeconds);
        if (failure != null) {
            summary.put("failure", failure);
        }
        return summary;
    }
}
