package org.luvhive.core.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * Another transaction holding an inbox row, as another instance's claim does while it
 * handles the update: for as long as the test's code runs, then let go. Stateless.
 */
public final class HeldRow {

    private static final long WAIT_SECONDS = 30;

    private HeldRow() {
    }

    /**
     * Runs {@code meanwhile} while a transaction on another thread holds the inbox row of
     * {@code updateId} ({@code SELECT ... FOR UPDATE}); then ends that transaction and waits
     * for it to end.
     */
    public static void whileHeld(Jdbi jdbi, long updateId, Runnable meanwhile) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> jdbi.useTransaction(handle -> {
            handle.createQuery("select update_id from inbox where update_id = :id for update").bind("id", updateId)
                    .mapTo(Long.class).one();
            held.countDown();
            awaitQuietly(release);
        }));
        try {
            if (!held.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the row of update " + updateId + " was not held within "
                        + WAIT_SECONDS + " s");
            }
            meanwhile.run();
        } finally {
            release.countDown();
            holder.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
