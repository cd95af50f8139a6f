package org.luvhive.core.bot.internal;

import java.util.Optional;
import org.luvhive.core.chat.ChatDao;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.RelayMessage;
import org.luvhive.core.moderation.ReportDetailsInput;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.OnboardingInput;
import org.luvhive.core.user.ProfileInput;
import org.luvhive.core.user.UserDao;
import org.luvhive.core.user.UserProfile;

/**
 * Plain text, which means different things by the user's state: an onboarding answer, a
 * message for the partner, a profile edit or report details; an unknown command is
 * never relayed. Thread-safe.
 */
public final class TextMessage implements UpdateHandler {

    private final OnboardingInput onboarding = new OnboardingInput();
    private final ProfileInput profile = new ProfileInput();
    private final ReportDetailsInput reportDetails = new ReportDetailsInput();
    private final RelayMessage relay;

    public TextMessage(RelayMessage relay) {
        this.relay = relay;
    }

    @Override
    public void handle(UpdateContext context) {
        String text = context.update().getMessage().getText();
        Optional<UserProfile> user = context.handle().attach(UserDao.class).find(context.userId());
        if (text.startsWith("/")) {
            if (user.isEmpty() || !reportDetails.handle(context, user.get(), text)) {
                context.reply("Unknown command. /help lists what I can do.");
            }
            return;
        }
        if (user.isEmpty()) {
            context.reply("👋 Send /start to begin.");
            return;
        }
        if (!user.get().onboarded()) {
            onboarding.handle(context, user.get());
            return;
        }
        Optional<ChatMembership> chat = context.handle().attach(ChatDao.class).active(context.userId());
        if (chat.isPresent()) {
            relay.relay(context, chat.get());
            return;
        }
        if (profile.handle(context, user.get(), text) || reportDetails.handle(context, user.get(), text)) {
            return;
        }
        context.reply(RelayMessage.NOT_IN_CHAT);
    }
}
