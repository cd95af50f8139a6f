package org.luvhive.core.match;

import java.time.Duration;
import java.time.Instant;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;

/**
 * {@code /boost}: premium members go to the front of the queue, at most once per cooldown;
 * anyone else is offered a paid boost ({@code paidBoost}, from the premium feature).
 * Thread-safe.
 */
public final class BoostCommand implements UpdateHandler {

    private final Matcher matcher;
    private final Users users;
    private final Duration cooldown;
    private final UpdateHandler paidBoost;

    public BoostCommand(Matcher matcher, Users users, Duration cooldown, UpdateHandler paidBoost) {
        this.paidBoost = paidBoost;
        this.matcher = matcher;
        this.users = users;
        this.cooldown = cooldown;
    }

    @Override
    public void handle(UpdateContext context) {
        UserProfile user = users.findForUpdate(context.handle(), context.userId()).orElseThrow();
        Instant now = context.now();
        if (!user.isPremium(now)) {
            paidBoost.handle(context);
            return;
        }
        if (user.lastBoostAt() != null && user.lastBoostAt().plus(cooldown).isAfter(now)) {
            long seconds = Duration.between(now, user.lastBoostAt().plus(cooldown)).toSeconds();
            context.replyText("boost.cooldown", seconds / 60, seconds % 60);
            return;
        }
        SearchOutcome outcome = matcher.search(context.handle(), context.userId(), now);
        if (outcome == SearchOutcome.IN_CHAT) {
            FindCommand.tell(context, outcome);
            return;
        }
        users.recordBoost(context.handle(), context.userId(), now);
        if (outcome == SearchOutcome.MATCHED || matcher.boost(context.handle(), context.userId(), now)) {
            return;
        }
        context.replyText("boost.done");
    }
}
