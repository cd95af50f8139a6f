package org.luvhive.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Items handed in while a write runs go together in the next write, and a failed write of
 * several fails them all or each on its own, as chosen. The first write is held until the
 * others are known to wait, so the grouping is certain.
 */
class GroupCommitTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(6);
    private final List<List<String>> writes = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** Upper-cases each item; a batch holding "bad" fails. The first write waits for the latch. */
    private List<String> write(List<String> batch) {
        writes.add(batch);
        if (writes.size() == 1) {
            try {
                firstWriteMayEnd.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (batch.contains("bad")) {
            throw new IllegalStateException("refused " + batch);
        }
        return batch.stream().map(String::toUpperCase).toList();
    }

    private List<Future<String>> submitBehindAHeldWrite(GroupCommit<String, String> commit, List<String> items) {
        List<Future<String>> results = new ArrayList<>();
        results.add(callers.submit(() -> commit.submit("first")));
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.size() == 1);
        for (String item : items) {
            results.add(callers.submit(() -> commit.submit(item)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> commit.waiting() == items.size());
        firstWriteMayEnd.countDown();
        return results;
    }

    @Test
    void itemsArrivingDuringAWriteGoTogetherInTheNextEachWithItsResult() throws Exception {
        GroupCommit<String, String> commit = new GroupCommit<>(10, this::write, GroupCommit.OnFailure.FAIL_ALL);

        List<Future<String>> results = submitBehindAHeldWrite(commit, List.of("a", "b", "c"));

        assertThat(results.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("FIRST");
        assertThat(results.get(1).get(30, TimeUnit.SECONDS)).isEqualTo("A");
        assertThat(results.get(3).get(30, TimeUnit.SECONDS)).isEqualTo("C");
        assertThat(writes).hasSize(2);
        assertThat(writes.get(1)).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aFailedWriteFailsAllItsItemsWhenSoChosen() throws Exception {
        GroupCommit<String, String> commit = new GroupCommit<>(10, this::write, GroupCommit.OnFailure.FAIL_ALL);

        List<Future<String>> results = submitBehindAHeldWrite(commit, List.of("a", "bad"));

        assertThat(results.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("FIRST");
        assertThatThrownBy(() -> results.get(1).get(30, TimeUnit.SECONDS)).hasMessageContaining("refused");
        assertThatThrownBy(() -> results.get(2).get(30, TimeUnit.SECONDS)).hasMessageContaining("refused");
        assertThat(commit.waiting()).isZero();
    }

    @Test
    void aFailedWriteIsRetriedItemByItemWhenSoChosen() throws Exception {
        GroupCommit<String, String> commit = new GroupCommit<>(10, this::write, GroupCommit.OnFailure.RETRY_EACH);

        List<Future<String>> results = submitBehindAHeldWrite(commit, List.of("a", "bad"));

        assertThat(results.get(1).get(30, TimeUnit.SECONDS)).isEqualTo("A");
        assertThatThrownBy(() -> results.get(2).get(30, TimeUnit.SECONDS)).hasMessageContaining("refused [bad]");
    }

    @Test
    void aWriteTakesAtMostMaxBatchItems() throws Exception {
        GroupCommit<String, String> commit = new GroupCommit<>(2, this::write, GroupCommit.OnFailure.FAIL_ALL);

        List<Future<String>> results = submitBehindAHeldWrite(commit, List.of("a", "b", "c"));

        for (Future<String> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
        assertThat(writes).hasSize(3);
        assertThat(writes.subList(1, 3)).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
    }
}
