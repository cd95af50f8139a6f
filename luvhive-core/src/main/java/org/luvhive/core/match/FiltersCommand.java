package org.luvhive.core.match;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.row;

import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** {@code /filters} (premium): whom to meet, by gender, age range and city. Thread-safe. */
public final class FiltersCommand implements UpdateHandler {

    private final Users users;

    public FiltersCommand(Users users) {
        this.users = users;
    }

    @Override
    public void handle(UpdateContext context) {
        UserProfile user = users.find(context.handle(), context.userId()).orElseThrow();
        if (!user.isPremium(context.now())) {
            context.reply("🎯 Search filters (gender, age range, same city) are a premium feature. See /premium.");
            return;
        }
        context.send(Notices.notice(context.userId(), describe(user), keyboardFor()));
    }

    static String describe(UserProfile user) {
        String gender = user.filterGender() == null ? "anyone" : user.filterGender().label();
        String ages = user.filterAgeMin() == null && user.filterAgeMax() == null ? "any age"
                : (user.filterAgeMin() == null ? 18 : user.filterAgeMin()) + "–"
                + (user.filterAgeMax() == null ? 99 : user.filterAgeMax());
        String city = user.filterSameCity() ? "your city (" + user.city() + ")" : "anywhere";
        return "🎯 Your search filters\nGender: " + gender + "\nAge: " + ages + "\nCity: " + city
                + "\n\nBoth sides' filters must accept each other. Tap to change:";
    }

    static InlineKeyboardMarkup keyboardFor() {
        return keyboard(
                row(button("Anyone", "filt:g:any"), button("👨", "filt:g:male"), button("👩", "filt:g:female"),
                        button("🧑", "filt:g:other")),
                row(button("Any age", "filt:a:any"), button("18–25", "filt:a:18-25"), button("26–35", "filt:a:26-35"),
                        button("36–50", "filt:a:36-50"), button("50+", "filt:a:50-99")),
                row(button("Anywhere", "filt:c:any"), button("Same city", "filt:c:same")));
    }
}
