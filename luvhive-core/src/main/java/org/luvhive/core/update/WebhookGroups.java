package org.luvhive.core.update;

import org.luvhive.core.db.GroupCommit;
import org.luvhive.core.telegram.RawUpdate;

/**
 * Webhook posts stored together: Telegram posts up to 40 updates at once, and each used to
 * pay an insert and a commit of its own (in bench-relay webhook mode relayed 393/s where
 * long polling, 100 updates an insert, relayed 910-982/s). A post that arrives while a group
 * is being stored waits, and the posts waiting then are stored as the next group, in one
 * statement and one commit ({@link InboxStore#storeEach}, through a {@link GroupCommit});
 * at a low rate each post is stored alone, at once. A post's call returns when its own
 * update is durable, with what became of it; when its group's transaction fails, every
 * post of the group gets the failure (the webhook answers 503, Telegram delivers them
 * again). Thread-safe.
 */
public final class WebhookGroups {

    /** At most this many posts a statement, as a getUpdates answer holds. */
    static final int MAX_GROUP = 100;

    private final GroupCommit<RawUpdate, InboxStore.Outcome> commits;

    public WebhookGroups(InboxStore inbox) {
        // a group failing is the database failing: every post of it is answered 503 and comes again
        this.commits = new GroupCommit<>(MAX_GROUP, group -> inbox.storeEach(group, InboxStore.Source.WEBHOOK),
                GroupCommit.OnFailure.FAIL_ALL);
    }

    /**
     * Stores a webhook post's body with the posts that arrived meanwhile.
     *
     * @throws RuntimeException the failure of its group's transaction: nothing of it is stored
     */
    public InboxStore.Outcome store(byte[] body) {
        return commits.submit(RawUpdate.of(body));
    }

    /** Posts waiting now (tests wait on it). */
    int waiting() {
        return commits.waiting();
    }
}
