package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;
import static org.luvhive.core.ui.Notices.when;

import java.time.Instant;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.internal.UserDao;

/** {@code /profile}: the profile and buttons to edit it (gender is permanent). Thread-safe. */
public final class ProfileCommand implements UpdateHandler {

    @Override
    public void handle(UpdateContext context) {
        UserProfile user = context.handle().attach(UserDao.class).find(context.userId()).orElseThrow();
        context.send(notice(context.userId(), describe(user, context.now()), keyboard(
                row(button("✏️ Age", "prof:age"), button("✏️ Country", "prof:country"), button("✏️ City", "prof:city")),
                row(button("✏️ Interests", "prof:interests"), button("🎯 Filters ⭐", "prof:filters")))));
    }

    public static String describe(UserProfile user, Instant now) {
        return "👤 Your profile\nGender: " + (user.gender() == null ? "-" : user.gender().label()) + " (permanent)"
                + "\nAge: " + (user.age() == null ? "-" : user.age())
                + "\nCountry: " + (user.country() == null ? "-" : user.country())
                + "\nCity: " + (user.city() == null ? "-" : user.city())
                + "\nInterests: " + Interest.labels(user.interestSet())
                + "\nPremium: " + (user.isPremium(now) ? "until " + when(user.premiumUntil()) : "no (/premium)");
    }
}
