package org.luvhive.core.user;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * What the bot says at each onboarding step: the question and its buttons. Stateless;
 * thread-safe.
 */
public final class OnboardingPrompts {

    private OnboardingPrompts() {
    }

    /** The prompt for the step the user is at, in their language. */
    public static OutboundMessage prompt(UserProfile user, Instant now) {
        long chatId = user.userId();
        Language language = user.language();
        return switch (user.onboardingStep()) {
            case CONSENT -> notice(chatId, Texts.of(language, "onboarding.consent"), keyboard(
                    row(button(Texts.of(language, "onboarding.consent.accept"), "consent:accept")),
                    row(button(Texts.of(language, "onboarding.consent.read"), "consent:read")),
                    row(button(Texts.of(language, "onboarding.consent.decline"), "consent:decline"))));
            case GENDER -> notice(chatId, Texts.of(language, "onboarding.gender"), keyboard(
                    row(button(Gender.MALE.label(language), "gender:male"),
                            button(Gender.FEMALE.label(language), "gender:female"),
                            button(Gender.OTHER.label(language), "gender:other"))));
            case AGE -> notice(chatId, Texts.of(language, "onboarding.age"));
            case AGE_CONFIRM -> notice(chatId, Texts.of(language, "onboarding.age_confirm", user.pendingAge()), keyboard(
                    row(button(Texts.of(language, "onboarding.age_confirm.agree"), "age:confirm")),
                    row(button(Texts.of(language, "onboarding.age_confirm.change"), "age:change"))));
            case COUNTRY -> notice(chatId, Texts.of(language, "onboarding.country"));
            case CITY -> notice(chatId, Texts.of(language, "onboarding.city"));
            case INTERESTS -> notice(chatId, Texts.of(language, "onboarding.interests"),
                    interestKeyboard(user.interestSet(), user.isPremium(now), language));
            case DONE -> notice(chatId, Texts.of(language, "onboarding.done"));
        };
    }

    /** Toggle buttons for every interest, ticked when chosen, and Done. */
    public static InlineKeyboardMarkup interestKeyboard(Set<Interest> chosen, boolean premium, Language language) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow current = new InlineKeyboardRow();
        for (Interest interest : Interest.values()) {
            String mark = chosen.contains(interest) ? "✅ " : "";
            String star = interest.premiumOnly() && !premium ? " ⭐" : "";
            current.add(button(mark + interest.label(language) + star, "int:" + interest.code()));
            if (current.size() == 3) {
                rows.add(current);
                current = new InlineKeyboardRow();
            }
        }
        if (!current.isEmpty()) {
            rows.add(current);
        }
        rows.add(row(button(Texts.of(language, "onboarding.done_button"), "int:done")));
        return keyboard(rows);
    }
}
