package org.luvhive.core.backup.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luvhive.core.backup.BackupProgress;

/**
 * Turns pg_dump's and pg_restore's {@code --verbose} lines into progress: each line that
 * starts a table's data moves the total on by that table's size, so big tables weigh
 * what they cost. Fed from one stderr reader thread.
 */
final class TableProgress implements Consumer<String> {

    private static final Pattern TABLE_DATA = Pattern.compile(
            "(?:dumping contents of table|processing data for table) \"([^\"]+)\"");

    private final BackupProgress progress;
    private final Map<String, Long> bytesByTable = new HashMap<>();
    private final long total;
    private long done;
    private long current;

    TableProgress(BackupProgress progress, String task, Map<String, Long> tableBytes) {
        this.progress = progress;
        long sum = 0;
        for (Map.Entry<String, Long> table : tableBytes.entrySet()) {
            long size = Math.max(1, table.getValue());
            bytesByTable.put(table.getKey(), size);
            sum += size;
        }
        this.total = Math.max(1, sum);
        progress.begin(task, total);
    }

    @Override
    public void accept(String line) {
        Matcher matcher = TABLE_DATA.matcher(line);
        if (matcher.find()) {
            done += current;
            current = bytesByTable.getOrDefault(matcher.group(1), 0L);
            progress.advanceTo(Math.min(done, total), matcher.group(1));
        }
    }

    void finish() {
        progress.advanceTo(total, "");
        progress.end();
    }
}
