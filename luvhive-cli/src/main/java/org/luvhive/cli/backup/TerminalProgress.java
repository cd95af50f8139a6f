package org.luvhive.cli.backup;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.luvhive.core.backup.BackupProgress;

/**
 * Draws backup progress with the progressbar library on stderr. Used only when stderr is
 * a terminal and {@code --json} is off; otherwise the CLI passes {@link BackupProgress#NONE}.
 */
final class TerminalProgress implements BackupProgress {

    private ProgressBar bar;

    @Override
    public void begin(String task, long total) {
        end();
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" MiB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void advanceTo(long done, String detail) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(detail.isEmpty() ? "" : " " + detail);
        }
    }

    @Override
    public void notice(String message) {
        end();
        System.err.println(message);
    }

    @Override
    public void end() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
