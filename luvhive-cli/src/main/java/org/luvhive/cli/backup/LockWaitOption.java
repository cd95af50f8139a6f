package org.luvhive.cli.backup;

import java.time.Duration;
import org.luvhive.cli.support.DurationConverter;
import picocli.CommandLine.Option;

/** The shared {@code --lock-wait}: fail at once when another backup run holds the lock, or wait this long. */
public final class LockWaitOption {

    @Option(names = "--lock-wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait this long for another backup run's lock (e.g. 10m) instead of failing at once.")
    Duration lockWait = Duration.ZERO;

    Duration value() {
        return lockWait;
    }
}
