package org.luvhive.core.match;

import static org.luvhive.core.ui.Notices.notice;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.ChatDao;
import org.luvhive.core.chat.RatingSummary;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.user.Interest;
import org.luvhive.core.user.UserDao;
import org.luvhive.core.user.UserProfile;

/**
 * The "partner found" message. Premium members also see the partner's gender, age,
 * ratings and shared interests; nobody ever sees a name, username or id. Thread-safe.
 */
final class MatchIntro {

    private final Outbox outbox;

    MatchIntro(Outbox outbox) {
        this.outbox = outbox;
    }

    void send(Handle handle, long chatId, long recipient, long partner, Instant now) {
        UserDao users = handle.attach(UserDao.class);
        UserProfile me = users.find(recipient).orElseThrow();
        StringBuilder text = new StringBuilder("🎉 Partner found! Say hi 👋\n/next for someone else, /stop to end the chat.");
        if (me.isPremium(now)) {
            UserProfile them = users.find(partner).orElseThrow();
            RatingSummary ratings = handle.attach(ChatDao.class).ratingsOf(partner);
            Set<Interest> shared = EnumSet.noneOf(Interest.class);
            shared.addAll(me.interestSet());
            shared.retainAll(them.interestSet());
            text.append("\n\n⭐ About your partner: ")
                    .append(them.gender() == null ? "?" : them.gender().label())
                    .append(", ").append(them.age() == null ? "?" : them.age())
                    .append("\nRatings: 👍 ").append(ratings.up()).append(" · 👎 ").append(ratings.down())
                    .append("\nShared interests: ").append(Interest.labels(shared));
        }
        outbox.enqueue(handle, notice(recipient, text.toString()));
    }
}
