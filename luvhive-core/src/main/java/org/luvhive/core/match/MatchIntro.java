package org.luvhive.core.match;

import static org.luvhive.core.ui.Notices.notice;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.RatingSummary;
import org.luvhive.core.chat.Ratings;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.user.Interest;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;

/**
 * The "partner found" message. Premium members also see the partner's gender, age,
 * ratings and shared interests; nobody ever sees a name, username or id. Thread-safe.
 */
final class MatchIntro {

    private final Outbox outbox;
    private final Users users;
    private final Ratings ratings;

    MatchIntro(Outbox outbox, Users users, Ratings ratings) {
        this.outbox = outbox;
        this.users = users;
        this.ratings = ratings;
    }

    void send(Handle handle, long chatId, long recipient, long partner, Instant now) {
        UserProfile me = users.find(handle, recipient).orElseThrow();
        Language language = me.language();
        StringBuilder text = new StringBuilder(Texts.of(language, "match.found"));
        if (me.isPremium(now)) {
            UserProfile them = users.find(handle, partner).orElseThrow();
            RatingSummary received = ratings.summaryOf(handle, partner);
            Set<Interest> shared = EnumSet.noneOf(Interest.class);
            shared.addAll(me.interestSet());
            shared.retainAll(them.interestSet());
            text.append("\n\n").append(Texts.of(language, "match.about_partner",
                    them.gender() == null ? "?" : them.gender().label(language), them.age() == null ? "?" : them.age(),
                    received.up(), received.down(), Interest.labels(shared, language)));
        }
        outbox.enqueue(handle, notice(recipient, text.toString()));
    }
}
