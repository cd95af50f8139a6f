package org.luvhive.core.backup.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luvhive.core.db.Database;

/**
 * The databases a verify or restore creates for itself: a restore test's scratch
 * database ({@code luvhive_verify_*}) and the temporary copy a {@code restore --force}
 * builds before it replaces the target ({@code luvhive_restore_*}). Their names carry
 * the owning process's id, so a later run can drop those whose process is gone (killed
 * with SIGKILL, or a host that rebooted): the {@link InUseRegistry} knows the live runs,
 * and a database with a session open is never touched. Thread-safe.
 */
public final class ScratchDatabases {

    public static final String VERIFY_PREFIX = "luvhive_verify_";
    public static final String RESTORE_PREFIX = "luvhive_restore_";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    /**
     * PREFIX + time + _h + host tag + _p + pid + _ + random. Names without the host tag or
     * the pid come from older builds.
     */
    private static final Pattern OWNER = Pattern.compile("_(\\d{14})(?:_h([0-9a-f]{6}))?_p(\\d+)_[0-9a-f]{6}$");
    /** Another host's scratch database is left alone this long: its run may be going on over there. */
    static final Duration OTHER_HOST_GRACE = Duration.ofDays(1);

    private ScratchDatabases() {
    }

    /** A new name for {@code prefix}, owned by this process. */
    public static String newName(String prefix, Instant now) {
        return prefix + TIME.format(now) + "_h" + hostTag() + "_p" + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Six hex digits naming this host in scratch database names (a hash of its name). */
    public static String hostTag() {
        return String.format(Locale.ROOT, "%06x", LockHolder.hostName().hashCode() & 0xffffff);
    }

    /**
     * Drops the scratch and temporary databases of runs that are no longer alive: no
     * session is open on the database, and its owner on this host holds no marker in
     * {@code registry} (another host's run is presumed alive for {@link #OTHER_HOST_GRACE}:
     * its markers are in its own backup directory).
     * Reports each drop (or why it could not) through {@code notice}; returns the names dropped.
     */
    public static List<String> dropStale(Database live, InUseRegistry registry, Instant now,
                                         Consumer<String> notice) {
        BackupDao server = live.jdbi().onDemand(BackupDao.class);
        List<String> dropped = new ArrayList<>();
        for (String prefix : List.of(VERIFY_PREFIX, RESTORE_PREFIX)) {
            for (BackupDao.NamedDatabase database : server.databasesStartingWith(prefix)) {
                if (database.sessions() > 0 || ownerAlive(database.name(), registry, now)) {
                    continue;
                }
                try {
                    server.dropDatabase(BackupDao.quote(database.name()));
                    dropped.add(database.name());
                    notice.accept("dropped " + database.name() + ", left behind by an interrupted verify or restore");
                } catch (RuntimeException refused) {
                    notice.accept("cannot drop " + database.name() + ", left behind by an interrupted verify or restore: "
                            + ArchiveRestorer.serverReason(refused));
                }
            }
        }
        return dropped;
    }

    /** Drops {@code name} on a connection of its own (the pool may be closing: used on a stop). */
    public static void dropOnOwnConnection(Database live, String name) {
        // plain JDBC: this runs in a shutdown hook, where as little as possible should be set up
        try (Connection connection = live.openDedicatedConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + BackupDao.quote(name) + " with (force)");
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot drop " + name + ": " + failure.getMessage(), failure);
        }
    }

    private static boolean ownerAlive(String name, InUseRegistry registry, Instant now) {
        Matcher owner = OWNER.matcher(name);
        if (!owner.find()) {
            return false; // an older build's name: no owner recorded, and no session open on it
        }
        String host = owner.group(2);
        if (host != null && !host.equals(hostTag())) {
            Instant created = TIME.parse(owner.group(1), Instant::from);
            return created.isAfter(now.minus(OTHER_HOST_GRACE));
        }
        long pid = Long.parseLong(owner.group(3));
        return registry.underRegistryLock(() -> registry.holdsMarker(pid));
    }

}
