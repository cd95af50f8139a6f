package org.luvhive.core.ops.alerts;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One alert as one instance evaluated it.
 *
 * @param instance  the bot instance that evaluated it
 * @param alert     the alert's label ({@link Alert#label()}); an unknown label comes from a newer version
 * @param value     the figure over the window, in the alert's unit; empty when there is no data yet
 * @param threshold the figure it fires above
 * @param state     OK or FIRING
 * @param since     when it entered that state
 * @param updatedAt when the instance last evaluated it
 */
public record AlertStatus(String instance, String alert, OptionalDouble value, double threshold, AlertState state,
                          Instant since, Instant updatedAt) {
}
