package org.luvhive.core.update;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.luvhive.core.telegram.RawUpdate;

/**
 * Webhook posts stored together: Telegram posts up to 40 updates at once, and each used to
 * pay an insert and a commit of its own (in bench-relay webhook mode relayed 393/s where
 * long polling, 100 updates an insert, relayed 910-982/s). A post that arrives while a group
 * is being stored waits, and the posts waiting then are stored as the next group, in one
 * statement and one commit ({@link InboxStore#storeEach}); at a low rate each post is
 * stored alone, at once. A post's call returns when its own update is durable, with what
 * became of it; when its group's transaction fails, every post of the group gets the
 * failure (the webhook answers 503, Telegram delivers them again). Whoever posted first
 * stores the groups until its own is stored, then the next waiting post takes over.
 * Thread-safe.
 */
public final class WebhookGroups {

    /** At most this many posts a statement, as a getUpdates answer holds. */
    static final int MAX_GROUP = 100;

    private final InboxStore inbox;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Post> waiting = new ArrayDeque<>();
    private boolean storing;

    public WebhookGroups(InboxStore inbox) {
        this.inbox = inbox;
    }

    /**
     * Stores a webhook post's body with the posts that arrived meanwhile.
     *
     * @throws RuntimeException the failure of its group's transaction: nothing of it is stored
     */
    public InboxStore.Outcome store(byte[] body) {
        Post mine = new Post(RawUpdate.of(body));
        lock.lock();
        try {
            waiting.addLast(mine);
            while (storing && !mine.done) {
                changed.awaitUninterruptibly();
            }
            if (mine.done) {
                return mine.result();
            }
            storing = true;
        } finally {
            lock.unlock();
        }
        try {
            while (!mine.done) {
                storeNextGroup();
            }
        } finally {
            lock.lock();
            try {
                storing = false;
                changed.signalAll(); // a post still waiting stores the next groups
            } finally {
                lock.unlock();
            }
        }
        return mine.result();
    }

    /** Posts waiting now (tests wait on it). */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private void storeNextGroup() {
        List<Post> group = new ArrayList<>();
        lock.lock();
        try {
            while (!waiting.isEmpty() && group.size() < MAX_GROUP) {
                group.add(waiting.pollFirst());
            }
        } finally {
            lock.unlock();
        }
        List<InboxStore.Outcome> outcomes = null;
        RuntimeException failure = null;
        try {
            outcomes = inbox.storeEach(group.stream().map(post -> post.update).toList(), InboxStore.Source.WEBHOOK);
        } catch (RuntimeException groupFailed) {
            failure = groupFailed;
        } catch (Error fatal) {
            failure = new IllegalStateException("storing webhook posts failed: " + fatal, fatal);
            finish(group, null, failure);
            throw fatal;
        }
        finish(group, outcomes, failure);
    }

    private void finish(List<Post> group, List<InboxStore.Outcome> outcomes, RuntimeException failure) {
        lock.lock();
        try {
            for (int index = 0; index < group.size(); index++) {
                Post post = group.get(index);
                post.outcome = outcomes == null ? null : outcomes.get(index);
                post.failure = failure;
                post.done = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** One post, and what became of it; its fields are guarded by the lock. */
    private static final class Post {
        private final RawUpdate update;
        private boolean done;
        private InboxStore.Outcome outcome;
        private RuntimeException failure;

        Post(RawUpdate update) {
            this.update = update;
        }

        InboxStore.Outcome result() {
            if (failure != null) {
                throw failure;
            }
            return outcome;
        }
    }
}
