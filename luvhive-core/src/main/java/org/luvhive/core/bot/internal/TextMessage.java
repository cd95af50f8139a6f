package org.luvhive.core.bot.internal;

import java.util.Optional;
import org.luvhive.core.chat.ChatMembership;
import org.luvhive.core.chat.Chats;
import org.luvhive.core.chat.RelayMessage;
import org.luvhive.core.chat.SenderState;
import org.luvhive.core.moderation.ReportDetailsInput;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.OnboardingInput;
import org.luvhive.core.user.ProfileInput;
import org.luvhive.core.user.UserProfile;

/**
 * Plain text, which means different things by the user's state: an onboarding answer, a
 * message for the partner, a profile edit or report details; an unknown command is
 * never relayed; a message for the partner is screened by moderation first. Thread-safe.
 */
public final class TextMessage implements UpdateHandler {

    private final OnboardingInput onboarding = new OnboardingInput();
    private final ProfileInput profile = new ProfileInput();
    private final ReportDetailsInput reportDetails;
    private final ModeratedRelay relay;
    private final Chats chats;

    public TextMessage(ModeratedRelay relay, ReportDetailsInput reportDetails, Chats chats) {
        this.relay = relay;
        this.reportDetails = reportDetails;
        this.chats = chats;
    }

    @Override
    public void handle(UpdateContext context) {
        String text = context.update().getMessage().getText();
        Optional<SenderState> sender = chats.sender(context.handle(), context.userId());
        Optional<UserProfile> user = sender.map(SenderState::profile);
        if (text.startsWith("/")) {
            if (user.isEmpty() || !reportDetails.handle(context, user.get(), text)) {
                context.replyText("command.unknown");
            }
            return;
        }
        if (user.isEmpty()) {
            context.replyText("start.first");
            return;
        }
        if (!user.get().onboarded()) {
            onboarding.handle(context, user.get());
            return;
        }
        Optional<ChatMembership> chat = sender.get().chat();
        if (chat.isPresent()) {
            relay.relay(context, chat.get(), user.get().createdAt());
            return;
        }
        if (profile.handle(context, user.get(), text) || reportDetails.handle(context, user.get(), text)) {
            return;
        }
        context.replyText(RelayMessage.NOT_IN_CHAT);
    }
}
