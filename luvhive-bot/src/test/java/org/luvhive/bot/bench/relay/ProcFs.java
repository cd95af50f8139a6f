package org.luvhive.bot.bench.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time and memory of processes from Linux's {@code /proc}: figures that do not depend
 * on how busy the machine is, unlike wall-clock rates. Stateless.
 */
final class ProcFs {

    private static final double TICKS_PER_MS = 0.1; // USER_HZ is 100 on Linux

    private ProcFs() {
    }

    /** User plus system CPU time of the process, in milliseconds (0 when it is gone). */
    static double cpuMillis(long pid) {
        long[] fields = statFields(pid);
        return fields == null ? 0 : (fields[11] + fields[12]) / TICKS_PER_MS;
    }

    /**
     * CPU time of a PostgreSQL server: the postmaster, its live children (backends, WAL
     * writer, checkpointer...) and the children it already reaped, in milliseconds.
     */
    static double serverCpuMillis(long postmaster) {
        long[] own = statFields(postmaster);
        if (own == null) {
            return 0;
        }
        double total = (own[11] + own[12] + own[13] + own[14]) / TICKS_PER_MS;
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] fields = statFields(Long.parseLong(name));
                if (fields != null && fields[1] == postmaster) {
                    total += (fields[11] + fields[12]) / TICKS_PER_MS;
                }
            }
        } catch (IOException unreadable) {
            return total;
        }
        return total;
    }

    /** Resident memory of the process in MiB (0 when it is gone). */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return 0;
        }
        return 0;
    }

    /** The 1-minute load average. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | NumberFormatException unreadable) {
            return -1;
        }
    }

    /**
     * The fields of {@code /proc/PID/stat} after the command, as numbers: index 1 is the
     * parent pid, 11 and 12 user and system time, 13 and 14 those of reaped children.
     */
    private static long[] statFields(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        } catch (IOException gone) {
            return null;
        }
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long[] fields = new long[15];
        for (int index = 0; index < fields.length; index++) {
            try {
                fields[index] = Long.parseLong(after[index]);
            } catch (NumberFormatException state) {
                fields[index] = 0; // the state letter
            }
        }
        return fields;
    }
}
