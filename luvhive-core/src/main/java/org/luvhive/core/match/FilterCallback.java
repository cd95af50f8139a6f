package org.luvhive.core.match;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Gender;
import org.luvhive.core.user.UserDao;
import org.luvhive.core.user.UserProfile;

/** The filter buttons ({@code filt:g:female}, {@code filt:a:18-25}, {@code filt:c:same}). Thread-safe. */
public final class FilterCallback implements UpdateHandler {

    public static final String PREFIX = "filt:";

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        UserDao users = context.handle().attach(UserDao.class);
        UserProfile user = users.findForUpdate(context.userId()).orElse(null);
        if (user == null || !user.isPremium(context.now())) {
            answerCallback(context, "Filters are a premium feature. See /premium.", true);
            return;
        }
        if (arguments.length != 2) {
            answerCallback(context, "Unknown filter", false);
            return;
        }
        Gender gender = user.filterGender();
        Integer ageMin = user.filterAgeMin();
        Integer ageMax = user.filterAgeMax();
        boolean sameCity = user.filterSameCity();
        switch (arguments[0]) {
            case "g" -> gender = Gender.ofCode(arguments[1]).orElse(null);
            case "a" -> {
                String[] range = arguments[1].split("-");
                ageMin = range.length == 2 ? Integer.valueOf(range[0]) : null;
                ageMax = range.length == 2 ? Integer.valueOf(range[1]) : null;
            }
            case "c" -> sameCity = arguments[1].equals("same");
            default -> {
                answerCallback(context, "Unknown filter", false);
                return;
            }
        }
        users.setFilters(context.userId(), gender == null ? null : gender.code(), ageMin, ageMax, sameCity,
                context.now());
        answerCallback(context, "Saved", false);
        context.reply(FiltersCommand.describe(users.find(context.userId()).orElseThrow()).replace(
                "\n\nBoth sides' filters must accept each other. Tap to change:", "\n\nApplies from your next /find."));
    }
}
