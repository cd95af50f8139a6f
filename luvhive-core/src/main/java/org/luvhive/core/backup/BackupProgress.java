package org.luvhive.core.backup;

/**
 * Where long backup work reports how far it is: the CLI draws a progress bar on a
 * terminal, everything else passes {@link #NONE}. Called from one thread at a time,
 * but not always the same one.
 */
public interface BackupProgress {

    BackupProgress NONE = new BackupProgress() {
        @Override
        public void begin(String task, long total) {
        }

        @Override
        public void advanceTo(long done, String detail) {
        }

        @Override
        public void end() {
        }
    };

    /** A task starts; {@code total} is in bytes of table data (an estimate). */
    void begin(String task, long total);

    /** The task has done {@code done} of its total; {@code detail} names the current table. */
    void advanceTo(long done, String detail);

    /** The task ended (whether or not it succeeded). */
    void end();

    /** A one-line notice for the person watching, e.g. that the run waits for a lock. */
    default void notice(String message) {
    }
}
