package org.luvhive.core.dbops;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The database's size on one day, as a bot sampled it.
 *
 * @param day       the UTC day
 * @param bytes     the database's size then
 * @param sampledAt the moment it was read
 */
public record SizeSample(LocalDate day, long bytes, Instant sampledAt) {
}
