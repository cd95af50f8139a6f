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
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * What the bot says at each onboarding step: the question and its buttons. Stateless;
 * thread-safe.
 */
public final class OnboardingPrompts {

    public static final String CONSENT_TEXT = """
            👋 Welcome to LuvHive: anonymous chat and dating.

            Before we start: to match you we store your gender, age, country, city and interests. \
            Messages are relayed anonymously and never stored; your partner never sees your name or username. \
            You can see your data with /my_data and erase it with /delete_me at any time.""";

    public static final String PRIVACY_TEXT = """
            🔒 Privacy at LuvHive

            Stored while you use the bot: your Telegram id, consent time, gender, age, country, city, interests, \
            search filters, premium expiry, ratings you gave and got, blocks and reports you made.
            Not stored: the content of your chats. A message is copied to your partner and only the ids linking \
            the copy to the original are kept, to thread replies and edits, until shortly after the chat ends. \
            A message our rules stop is kept only as a short excerpt with links, contacts and digits masked; \
            a hash of what you send is kept for an hour to spot the same text sent to many people.
            Kept after /delete_me: payments and fraud checks on them (accounting and refunds), bans, a hold out \
            of matching until a moderator decides, blocks others made against you, reports and moderation cases \
            about you, so that moderation cannot be dodged by deleting and coming back.
            Your partner never learns your name, username or id.""";

    private OnboardingPrompts() {
    }

    /** The prompt for the step the user is at. */
    public static OutboundMessage prompt(UserProfile user, Instant now) {
        long chatId = user.userId();
        return switch (user.onboardingStep()) {
            case CONSENT -> notice(chatId, CONSENT_TEXT, keyboard(
                    row(button("✅ I accept", "consent:accept")),
                    row(button("📄 Read the privacy policy", "consent:read")),
                    row(button("❌ Decline", "consent:decline"))));
            case GENDER -> notice(chatId, "What is your gender? This cannot be changed later.", keyboard(
                    row(button(Gender.MALE.label(), "gender:male"), button(Gender.FEMALE.label(), "gender:female"),
                            button(Gender.OTHER.label(), "gender:other"))));
            case AGE -> notice(chatId, "How old are you? Send your age as a number (18+ only).");
            case AGE_CONFIRM -> notice(chatId, "You said you are " + user.pendingAge()
                    + ". LuvHive is for adults only: please confirm.", keyboard(
                    row(button("✅ I agree (18+)", "age:confirm")),
                    row(button("✏️ Change my age", "age:change"))));
            case COUNTRY -> notice(chatId, "Which country do you live in? Send its name.");
            case CITY -> notice(chatId, "And your city? Send its name.");
            case INTERESTS -> notice(chatId, "Pick your interests (tap to toggle, ⭐ = premium), then Done.",
                    interestKeyboard(user.interestSet(), user.isPremium(now)));
            case DONE -> notice(chatId, "✅ You're all set! Send /find to meet someone, /help for everything else.");
        };
    }

    /** Toggle buttons for every interest, ticked when chosen, and Done. */
    public static InlineKeyboardMarkup interestKeyboard(Set<Interest> chosen, boolean premium) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow current = new InlineKeyboardRow();
        for (Interest interest : Interest.values()) {
            String mark = chosen.contains(interest) ? "✅ " : "";
            String star = interest.premiumOnly() && !premium ? " ⭐" : "";
            current.add(button(mark + interest.label() + star, "int:" + interest.code()));
            if (current.size() == 3) {
                rows.add(current);
                current = new InlineKeyboardRow();
            }
        }
        if (!current.isEmpty()) {
            rows.add(current);
        }
        rows.add(row(button("Done ✔️", "int:done")));
        return keyboard(rows);
    }
}
