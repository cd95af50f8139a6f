package org.luvhive.core.bot.internal;

import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.Ratings;
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
            context.reply("Nothing is stored about you. /start to begin.");
            return;
        }
        context.reply("🗂 What LuvHive stores about you\nTelegram id: " + userId
                + "\nConsent given: " + (user.consentAt() == null ? "no" : user.consentAt())
                + "\nOnboarding step: " + user.onboardingStep().code()
                + "\n" + ProfileCommand.describe(user, context.now()).replace("👤 Your profile\n", "")
                + "\nFilters: gender " + (user.filterGender() == null ? "any" : user.filterGender().code())
                + ", age " + (user.filterAgeMin() == null ? "any" : user.filterAgeMin() + "-" + user.filterAgeMax())
                + ", same city " + (user.filterSameCity() ? "yes" : "no")
                + "\nChats on record: " + chats.countOnRecord(handle, userId)
                + "\nRatings you gave: " + ratings.givenBy(handle, userId)
                + "\nBlocks you made: " + moderation.countBlocksBy(handle, userId)
                + "\nReports you filed: " + moderation.countReportsBy(handle, userId)
                + "\nPayments: " + payments.countOf(handle, userId)
                + "\nRelayed message ids (no content): " + chats.countRelayedIds(handle, userId)
                + "\n\nMessage content is never stored. /delete_me erases your data; /privacy explains what is kept.");
    }
}
