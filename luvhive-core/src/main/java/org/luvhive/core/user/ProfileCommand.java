package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;
import static org.luvhive.core.ui.Notices.when;

import java.time.Instant;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.internal.UserDao;

/** {@code /profile}: the profile and buttons to edit it (gender is permanent). Thread-safe. */
public final class ProfileCommand implements UpdateHandler {

    @Override
    public void handle(UpdateContext context) {
        UserProfile user = context.handle().attach(UserDao.class).find(context.userId()).orElseThrow();
        Language language = context.language();
        context.send(notice(context.userId(), describe(user, context.now(), language), keyboard(
                row(button(Texts.of(language, "profile.edit.age"), "prof:age"),
                        button(Texts.of(language, "profile.edit.country"), "prof:country"),
                        button(Texts.of(language, "profile.edit.city"), "prof:city")),
                row(button(Texts.of(language, "profile.edit.interests"), "prof:interests"),
                        button(Texts.of(language, "profile.edit.filters"), "prof:filters")))));
    }

    /** The profile as the user reads it, with its title. */
    public static String describe(UserProfile user, Instant now, Language language) {
        return Texts.of(language, "profile.title") + "\n" + fields(user, now, language);
    }

    /** The profile's fields, one a line, without the title. */
    public static String fields(UserProfile user, Instant now, Language language) {
        return Texts.of(language, "profile.body", user.gender() == null ? "-" : user.gender().label(language),
                user.age() == null ? "-" : user.age(), user.country() == null ? "-" : user.country(),
                user.city() == null ? "-" : user.city(), Interest.labels(user.interestSet(), language),
                user.isPremium(now) ? Texts.of(language, "profile.premium_until", when(user.premiumUntil()))
                        : Texts.of(language, "profile.premium_no"));
    }
}
