package org.luvhive.core.admin;

import static org.luvhive.core.ui.Notices.answerCallback;
import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.callbackArguments;
import static org.luvhive.core.ui.Notices.editKeyboard;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;
import static org.luvhive.core.ui.Notices.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.moderation.DecisionEntry;
import org.luvhive.core.moderation.ModerationAction;
import org.luvhive.core.moderation.ModerationCase;
import org.luvhive.core.moderation.ModerationFeature;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The buttons under a case of the admin queue (admin): {@code mod:ban:<case>} bans for
 * good, {@code mod:mute:<case>} mutes for {@link #MUTE}, {@code mod:dismiss:<case>} closes it
 * without action, {@code mod:lift:<case>} lifts mute, ban and hold (and the user's strikes
 * start again from zero). Each closes the case once (a second admin's tap is refused),
 * releases a hold, settles the case's reports and is recorded as a decision. Thread-safe.
 */
public final class ModActionCallback implements UpdateHandler {

    public static final String PREFIX = "mod:";
    public static final Duration MUTE = Duration.ofHours(24);

    private final Banning banning;
    private final Users users;
    private final Moderation moderation;
    private final ModerationFeature feature;

    /** @param users whose language a moderated user is told in */
    public ModActionCallback(Banning banning, Moderation moderation, ModerationFeature feature, Users users) {
        this.users = users;
        this.banning = banning;
        this.moderation = moderation;
        this.feature = feature;
    }

    /** The four buttons under a case, in the admin's language. */
    public static InlineKeyboardMarkup buttons(long caseId, Language language) {
        return keyboard(row(button(Texts.of(language, "admin.mod.button.ban"), PREFIX + "ban:" + caseId),
                        button(Texts.of(language, "admin.mod.button.mute"), PREFIX + "mute:" + caseId)),
                row(button(Texts.of(language, "admin.mod.button.dismiss"), PREFIX + "dismiss:" + caseId),
                        button(Texts.of(language, "admin.mod.button.lift"), PREFIX + "lift:" + caseId)));
    }

    @Override
    public void handle(UpdateContext context) {
        String[] arguments = callbackArguments(context, PREFIX);
        if (arguments.length != 2 || !arguments[1].matches("\\d{1,18}")
                || !arguments[0].matches("ban|mute|dismiss|lift")) {
            answerCallback(context, context.text("admin.unknown_action"), false);
            return;
        }
        long caseId = Long.parseLong(arguments[1]);
        Handle handle = context.handle();
        Optional<ModerationCase> found = feature.queue().lock(handle, caseId, context.now());
        if (found.isEmpty() || !found.get().open()) {
            answerCallback(context, context.text("admin.mod.handled"), false);
            editKeyboard(context, null);
            return;
        }
        String action = arguments[0];
        String outcome = act(context, found.get(), action);
        feature.queue().close(handle, caseId, context.userId(), action, action.equals("ban")
                || action.equals("mute"), context.now());
        moderation.audit(handle, context.userId(), "mod-" + action, "case " + caseId, "user " + found.get().userId(), true,
                context.now());
        answerCallback(context, outcome, false);
        editKeyboard(context, null);
        context.replyText("admin.mod.outcome", caseId, outcome);
    }

    private String act(UpdateContext context, ModerationCase moderationCase, String action) {
        Handle handle = context.handle();
        long user = moderationCase.userId();
        Instant now = context.now();
        boolean wasHeld = feature.restrictions().release(handle, user);
        switch (action) {
            case "ban" -> {
                record(context, moderationCase, ModerationAction.BAN, null);
                banning.ban(handle, user, null, "a moderator's decision (case #" + moderationCase.id() + ")",
                        context.userId(), now);
                return context.text("admin.mod.outcome.banned", user);
            }
            case "mute" -> {
                Instant until = now.plus(MUTE);
                long decision = record(context, moderationCase, ModerationAction.MUTE, until);
                feature.restrictions().mute(handle, user, until, decision);
                context.send(notice(user, Texts.of(users.language(handle, user), "moderation.muted_by_moderator",
                        when(until))));
                return context.text("admin.mod.outcome.muted", user, when(until));
            }
            case "lift" -> {
                record(context, moderationCase, ModerationAction.LIFT, null);
                boolean muted = feature.restrictions().unmute(handle, user);
                boolean banned = moderation.unban(handle, user); // tells the user itself
                if (!banned && (muted || wasHeld)) {
                    context.send(notice(user, Texts.of(users.language(handle, user), "moderation.lifted")));
                }
                return context.text("admin.mod.outcome.lifted", user);
            }
            default -> {
                record(context, moderationCase, ModerationAction.DISMISS, null);
                if (wasHeld) {
                    context.send(notice(user, Texts.of(users.language(handle, user), "moderation.released")));
                }
                return context.text("admin.mod.outcome.dismissed");
            }
        }
    }

    private long record(UpdateContext context, ModerationCase moderationCase, ModerationAction action, Instant until) {
        return feature.journal().record(context.handle(), DecisionEntry.about(moderationCase.userId(), action,
                null, until, context.userId(), moderationCase.id(), context.now()));
    }
}
