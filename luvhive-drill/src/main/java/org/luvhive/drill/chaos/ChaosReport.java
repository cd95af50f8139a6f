package org.luvhive.drill.chaos;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the users saw in a chaos run, and the goals it is held to: nothing lost, duplicated
 * or reordered, recovery after each {@code kill -9} under {@link #RECOVERY_GOAL_S}, every
 * poison update quarantined, the normal limits profile in force at the end. Immutable.
 *
 * @param messages              numbered texts the users wrote
 * @param lost                  texts their partner never saw
 * @param duplicated            extra showings of a text
 * @param reordered             texts first shown after a later text of the same user
 * @param maxDeliveryDelayS     the longest write-to-shown time of any text (the outage included)
 * @param recoveryAfterKillS    over the kills, the longest time from the kill until the last outbox row the
 *                              victim had in flight was sent by the survivor (NaN: one never was, or none left)
 * @param catchUpAfterKillS     over the kills, the longest time from the kill until every text written before it
 *                              was shown and a text written after it was shown (NaN: never)
 * @param quarantined           rows in {@code update_quarantine} at the end
 * @param quarantineExpected    poison updates sent that must be quarantined
 * @param kills                 {@code kill -9}s done
 * @param strandedClaims        outbox rows the killed instances held in flight when they died
 * @param crashes               bot processes found exited that nobody killed (restarted, as a supervisor would)
 * @param readyzMaxMs           the slowest {@code /readyz} answer under the slowloris
 * @param readyzFailures        {@code /readyz} probes that got no 200 within 5 s under the slowloris
 * @param profile               the limits profile in force at the end
 * @param tookS                 the whole run, start-up included
 */
public record ChaosReport(int messages, int lost, int duplicated, int reordered, double maxDeliveryDelayS,
                          double recoveryAfterKillS, double catchUpAfterKillS, long quarantined, int quarantineExpected, int kills,
                          int strandedClaims, int crashes, long readyzMaxMs, int readyzFailures, String profile, double tookS) {

    public static final double RECOVERY_GOAL_S = 5.0;

    /** Whether every goal was met. */
    public boolean passed() {
        return crashes == 0 && lost == 0 && duplicated == 0 && reordered == 0 && recoveryAfterKillS < RECOVERY_GOAL_S
                && quarantined >= quarantineExpected && readyzFailures == 0 && profile.equals("normal");
    }

    /** The one JSON line. */
    public String json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messages", messages);
        fields.put("lost", lost);
        fields.put("duplicated", duplicated);
        fields.put("reordered", reordered);
        fields.put("max_delivery_delay_s", maxDeliveryDelayS);
        fields.put("recovery_after_kill_s", Double.isNaN(recoveryAfterKillS) ? null : recoveryAfterKillS);
        fields.put("catch_up_after_kill_s", Double.isNaN(catchUpAfterKillS) ? null : catchUpAfterKillS);
        fields.put("quarantined", quarantined);
        fields.put("kills", kills);
        fields.put("stranded_claims", strandedClaims);
        fields.put("crashes", crashes);
        fields.put("readyz_max_ms_under_slowloris", readyzMaxMs);
        fields.put("readyz_failures_under_slowloris", readyzFailures);
        fields.put("profile_at_end", profile);
        fields.put("passed", passed());
        fields.put("took_s", tookS);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":");
            json.append(value instanceof String text ? "\"" + text + "\"" : String.valueOf(value));
        });
        return json.append('}').toString();
    }
}
