package org.luvhive.core.bot.internal;

import org.jdbi.v3.core.Handle;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.ProfileCommand;
import org.luvhive.core.user.UserDao;
import org.luvhive.core.user.UserProfile;

/** {@code /my_data}: everything stored about the user, in plain words. Thread-safe. */
public final class MyDataCommand implements UpdateHandler {

    @Override
    public void handle(UpdateContext context) {
        Handle handle = context.handle();
        long userId = context.userId();
        UserProfile user = handle.attach(UserDao.class).find(userId).orElse(null);
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
                + "\nChats on record: " + count(handle, "select count(*) from chat_members where user_id = :id", userId)
                + "\nRatings you gave: " + count(handle, "select count(*) from ratings where rater_id = :id", userId)
                + "\nBlocks you made: " + count(handle, "select count(*) from blocks where blocker_id = :id", userId)
                + "\nReports you filed: " + count(handle, "select count(*) from reports where reporter_id = :id", userId)
                + "\nPayments: " + count(handle, "select count(*) from payments where user_id = :id", userId)
                + "\nRelayed message ids (no content): "
                + count(handle, "select count(*) from relayed_messages where sender_id = :id or recipient_id = :id",
                        userId)
                + "\n\nMessage content is never stored. /delete_me erases your data; /privacy explains what is kept.");
    }

    private static long count(Handle handle, String sql, long userId) {
        return handle.createQuery(sql).bind("id", userId).mapTo(Long.class).one();
    }
}
