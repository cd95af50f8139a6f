package org.luvhive.core.settings;

import java.time.Instant;

/**
 * One runtime setting as stored: its value and who changed it when.
 *
 * @param key       dotted lower-case name, e.g. {@code limits.profile}
 * @param value     the value as text; each feature parses its own
 * @param updatedAt when it was last written
 * @param updatedBy who wrote it (an operator's login, {@code cli}, a bot instance)
 */
public record OpsSetting(String key, String value, Instant updatedAt, String updatedBy) {
}
