package org.luvhive.core.ops.caches;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.ops.caches.internal.ActivityDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runbook's "per-user activity data older than 24 h is cleaned up", for what no
 * other job already covers. Checked: rate-limit buckets ({@code rate_limit_buckets},
 * {@code ops.Retention}; the in-process per-chat buckets expire after 10 idle minutes),
 * checkout refusals (1 day), relayed message ids (30 min after the chat) are cleaned by
 * their features. What remained for up to 3 days (until {@code ops.Retention}) were the
 * pipeline's traces of who did what when: handled inbox rows (user and chat id) and
 * sent or cancelled outbox rows (recipient, time). After {@code keep} (24 h) this job
 * removes the user and chat id from handled and skipped inbox rows (the update_id stays
 * for redelivery detection) and deletes sent and cancelled outbox rows. Dead letters
 * and parked messages stay for operators. Counts go to {@value #CLEANED}{@code {what}}.
 * Thread-safe.
 */
public final class ActivityCleanup implements Runnable {

    public static final String CLEANED = "luvhive.activity.cleaned";
    public static final Duration KEEP = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(ActivityCleanup.class);
    private static final int BATCH = 1_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Duration keep;

    public ActivityCleanup(Jdbi jdbi, Clock clock, MeterRegistry registry, Duration keep) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.registry = registry;
        this.keep = keep;
        registry.counter(CLEANED, "what", "inbox_user_ids");
        registry.counter(CLEANED, "what", "outbox_sent");
    }

    @Override
    public void run() {
        Instant before = clock.instant().minus(keep);
        int inbox = inBatches(() -> jdbi.withExtension(ActivityDao.class, dao -> dao.forgetInboxUsers(before, BATCH)));
        int outbox = inBatches(() -> jdbi.withExtension(ActivityDao.class,
                dao -> dao.deleteFinishedOutbox(before, BATCH)));
        registry.counter(CLEANED, "what", "inbox_user_ids").increment(inbox);
        registry.counter(CLEANED, "what", "outbox_sent").increment(outbox);
        if (inbox + outbox > 0) {
            LOG.info("Activity cleanup: {} handled updates no longer name their user, {} sent messages deleted "
                    + "(older than {} h)", inbox, outbox, keep.toHours());
        }
    }

    private static int inBatches(IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = batch.getAsInt();
            total += done;
        } while (done == BATCH);
        return total;
    }
}
