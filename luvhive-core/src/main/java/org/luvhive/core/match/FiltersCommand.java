package org.luvhive.core.match;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.row;

import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.ui.Notices;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.UserProfile;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** {@code /filters} (premium): whom to meet, by gender, age range, city and a shared language. Thread-safe. */
public final class FiltersCommand implements UpdateHandler {

    private final Users users;

    public FiltersCommand(Users users) {
        this.users = users;
    }

    @Override
    public void handle(UpdateContext context) {
        UserProfile user = users.find(context.handle(), context.userId()).orElseThrow();
        if (!user.isPremium(context.now())) {
            context.replyText("filters.premium_only");
            return;
        }
        Language language = context.language();
        context.send(Notices.notice(context.userId(), describe(user, language) + "\n\n"
                + Texts.of(language, "filters.tap_to_change"), keyboardFor(language)));
    }

    /** The filters as the user reads them: title, gender, age, city and language, one a line. */
    static String describe(UserProfile user, Language language) {
        String gender = user.filterGender() == null ? Texts.of(language, "filters.gender.any")
                : user.filterGender().label(language);
        String ages = user.filterAgeMin() == null && user.filterAgeMax() == null ? Texts.of(language, "filters.age.any")
                : (user.filterAgeMin() == null ? UserProfile.MINIMUM_AGE : user.filterAgeMin()) + "–"
                + (user.filterAgeMax() == null ? UserProfile.MAXIMUM_AGE : user.filterAgeMax());
        String city = user.filterSameCity() ? Texts.of(language, "filters.city.same", user.city())
                : Texts.of(language, "filters.city.any");
        String speaks = user.filterSameLanguage() ? Texts.of(language, "filters.language.same", user.language().nativeName())
                : Texts.of(language, "filters.language.any");
        return Texts.of(language, "filters.title", gender, ages, city) + "\n"
                + Texts.of(language, "filters.language", speaks);
    }

    static InlineKeyboardMarkup keyboardFor(Language language) {
        return keyboard(
                row(button(Texts.of(language, "filters.button.anyone"), "filt:g:any"), button("👨", "filt:g:male"),
                        button("👩", "filt:g:female"), button("🧑", "filt:g:other")),
                row(button(Texts.of(language, "filters.button.any_age"), "filt:a:any"), button("18–25", "filt:a:18-25"),
                        button("26–35", "filt:a:26-35"), button("36–50", "filt:a:36-50"), button("50+", "filt:a:50-99")),
                row(button(Texts.of(language, "filters.button.anywhere"), "filt:c:any"),
                        button(Texts.of(language, "filters.button.same_city"), "filt:c:same")),
                row(button(Texts.of(language, "filters.button.any_language"), "filt:l:any"),
                        button(Texts.of(language, "filters.button.same_language"), "filt:l:same")));
    }
}
