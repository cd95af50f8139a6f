package org.luvhive.core.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A manifest in the backup directory that does not make a usable backup set. Prune keeps
 * these (it may remove only the manifest of an archive that is gone); list shows them;
 * check turns a broken newest set into CRITICAL; verify and restore refuse them. Immutable.
 *
 * @param name         the manifest's file name without {@code .manifest.json}
 * @param manifestPath the manifest
 * @param time         the recorded completion time when the manifest says one, else the manifest file's time
 * @param set          the set, when its manifest is readable, complete and valid (its archive is not)
 * @param state        what is wrong
 * @param reason       one line saying what is wrong
 */
public record BrokenSet(String name, Path manifestPath, Instant time, Optional<BackupSet> set, State state,
                        String reason) {

    /** What is wrong with a set, worst first. */
    public enum State {
        /** The manifest cannot be read, or names files outside its archive, or lists none. */
        CORRUPT,
        /**
         * The manifest was changed after luvhive wrote it (its {@code manifest_sha256} does not
         * match): nothing it says is trusted, not even whose backup it is.
         */
        EDITED,
        /** The manifest's status is not complete (a create died, or it was edited). */
        INCOMPLETE,
        /** The manifest is fine, its archive is gone. */
        MISSING,
        /** The archive is there but a file is missing or has another size than the manifest says. */
        DAMAGED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Whether it is another database's set. Only a set whose manifest is trusted can tell;
     * one that cannot (unreadable, edited, incomplete, untrusted) counts as this database's,
     * so that it is shown and kept.
     */
    public boolean foreign() {
        return set.map(BackupSet::foreign).orElse(false);
    }

    /** One line for people: {@code NAME: damaged (NAME.dump has 0 bytes, ...)}. */
    public String describe() {
        return name + ": " + state.label() + " (" + reason + ")";
    }
}
