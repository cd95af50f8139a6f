package org.luvhive.core.bot.internal;

import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.Ratings;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.premium.Payments;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.ProfileCommand;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;

/** {@code /my_data}: everything stored about the user, in plain words, asked of each feature. Thread-safe. */
public final class MyDataCommand implements UpdateHandler {

    private final Users users;
    private final Chats chats;
    private final Ratings ratings;
    private final Moderation moderation;
    private final Payments payments;

    public MyDataCommand(Users users, Chats chats, Ratings ratings, Moderation moderation, Payments payments) {
        this.users = users;
        this.chats = chats;
        this.ratings = ratings;
        this.moderation = moderation;
        this.payments = payments;
    }

    @Override
    public void handle(UpdateContext context) {
        Handle handle = context.handle();
        long userId = context.userId();
        UserProfile user = users.find(handle, userId).orElse(null);
        if (user == null) {
            context.replyText("my_data.nothing");
            return;
        }
        Language language = context.language();
        String any = context.text("my_data.any");
        context.reply(context.text("my_data.body", userId,
                user.consentAt() == null ? context.text("my_data.no") : user.consentAt(),
                user.onboardingStep().code(), language.code(),
                ProfileCommand.fields(user, context.now(), language),
                user.filterGender() == null ? any : user.filterGender().code(),
                user.filterAgeMin() == null ? any : user.filterAgeMin() + "-" + user.filterAgeMax(),
                context.text(user.filterSameCity() ? "my_data.yes" : "my_data.no"),
                chats.countOnRecord(handle, userId), ratings.givenBy(handle, userId),
                moderation.countBlocksBy(handle, userId), moderation.countReportsBy(handle, userId),
                payments.countOf(handle, userId), chats.countRelayedIds(handle, userId)));
    }
}
