package org.luvhive.core.match;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.callbackArguments;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Gender;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;

/**
 * The filter buttons ({@code filt:g:female}, {@code filt:a:18-25}, {@code filt:c:same},
 * {@code filt:l:same} for a shared language). Thread-safe.
 */
public final class FilterCallback implements UpdateHandler {

    public static final String PREFIX = "filt:";

    private final Users users;

    public FilterCallback(Users users) {
        this.users = users;
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        UserProfile user = users.findForUpdate(context.handle(), context.userId()).orElse(null);
        if (user == null || !user.isPremium(context.now())) {
            answerCallback(context, context.text("filters.premium_only_short"), true);
            return;
        }
        if (arguments.length != 2) {
            answerCallback(context, context.text("filters.unknown"), false);
            return;
        }
        Gender gender = user.filterGender();
        Integer ageMin = user.filterAgeMin();
        Integer ageMax = user.filterAgeMax();
        boolean sameCity = user.filterSameCity();
        boolean sameLanguage = user.filterSameLanguage();
        switch (arguments[0]) {
            case "g" -> gender = Gender.ofCode(arguments[1]).orElse(null);
            case "a" -> {
                String[] range = arguments[1].split("-");
                ageMin = range.length == 2 ? Integer.valueOf(range[0]) : null;
                ageMax = range.length == 2 ? Integer.valueOf(range[1]) : null;
            }
            case "c" -> sameCity = arguments[1].equals("same");
            case "l" -> sameLanguage = arguments[1].equals("same");
            default -> {
                answerCallback(context, context.text("filters.unknown"), false);
                return;
            }
        }
        users.setFilters(context.handle(), context.userId(), gender, ageMin, ageMax, sameCity, context.now());
        users.setLanguageFilter(context.handle(), context.userId(), sameLanguage, context.now());
        answerCallback(context, context.text("filters.saved_toast"), false);
        context.reply(FiltersCommand.describe(users.find(context.handle(), context.userId()).orElseThrow(),
                context.language()) + "\n\n" + context.text("filters.applies_next"));
    }
}
