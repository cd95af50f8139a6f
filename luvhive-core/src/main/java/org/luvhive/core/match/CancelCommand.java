package org.luvhive.core.match;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;

/** {@code /cancel}: drop a pending profile edit or report detail, or else leave the queue. Thread-safe. */
public final class CancelCommand implements UpdateHandler {

    private final Matcher matcher;
    private final Users users;

    public CancelCommand(Matcher matcher, Users users) {
        this.matcher = matcher;
        this.users = users;
    }

    @Override
    public void handle(UpdateContext context) {
        boolean editing = users.find(context.handle(), context.userId()).map(user -> user.pendingInput() != null)
                .orElse(false);
        if (editing) {
            users.setPendingInput(context.handle(), context.userId(), null, context.now());
            context.replyText("cancel.nothing_changed");
            return;
        }
        if (matcher.stopSearching(context.handle(), context.userId())) {
            context.replyText("search.cancelled");
        } else {
            context.replyText("cancel.not_searching");
        }
    }
}
