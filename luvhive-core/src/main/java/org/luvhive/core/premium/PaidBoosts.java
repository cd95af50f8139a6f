package org.luvhive.core.premium;

import java.time.Duration;
import java.time.Instant;
import org.luvhive.core.i18n.DurationWords;
import org.luvhive.core.match.Matcher;
import org.luvhive.core.match.SearchOutcome;
import org.luvhive.core.update.UpdateContext;

/**
 * A paid boost, once its payment is recorded: the payer joins the queue at its front (and
 * meets whoever fits at once, if anyone), and the promise is recorded with its due time.
 * A payer who is in a chat cannot search: their promise is due at once, so the next
 * settling refunds it. Stateless; thread-safe.
 */
public final class PaidBoosts {

    private final Matcher matcher;
    private final SearchPromises promises;
    private final int stars;

    /** @param stars what a paid boost costs ({@code BOOST_PRICE}) */
    public PaidBoosts(Matcher matcher, SearchPromises promises, int stars) {
        this.matcher = matcher;
        this.promises = promises;
        this.stars = stars;
    }

    public int stars() {
        return stars;
    }

    /** Starts the boost the user just paid {@code amount} Stars for, in the payment's transaction. */
    void start(UpdateContext context, String chargeId, int amount) {
        long userId = context.userId();
        Instant now = context.now();
        SearchOutcome outcome = matcher.search(context.handle(), userId, now);
        String within = DurationWords.describe(promises.promise(), context.language());
        switch (outcome) {
            case IN_CHAT -> {
                promises.promise(context.handle(), userId, chargeId, amount, now, Duration.ZERO);
                context.replyText("boost.paid_in_chat", amount);
            }
            case MATCHED -> promises.promise(context.handle(), userId, chargeId, amount, now, promises.promise());
            case WAITING, ALREADY_WAITING -> {
                promises.promise(context.handle(), userId, chargeId, amount, now, promises.promise());
                if (!matcher.boost(context.handle(), userId, now)) {
                    context.replyText("boost.paid_done", within, amount);
                }
            }
        }
    }
}
