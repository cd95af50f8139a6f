package org.luvhive.core.user;

import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;

/** A command that answers with fixed text: {@code /help}, {@code /rules}, {@code /privacy}. Thread-safe. */
public final class InfoCommand implements UpdateHandler {

    public static final String HELP = """
            💬 LuvHive: anonymous chat and dating
            /find – meet a random partner
            /next – end this chat and find someone else
            /stop – end the chat (or stop searching)
            /cancel – stop searching
            /report – report your partner (or your last one, within 15 min)
            /block – never meet your current or last partner again
            /profile – see and edit your profile
            /premium – filters, boost and more, paid in Stars
            /filters – whom to meet (premium) · /boost – front of the queue (premium)
            /rules · /privacy · /my_data · /delete_me""";

    public static final String RULES = """
            📜 Rules
            1. Adults only (18+).
            2. Be respectful: no harassment, hate or threats.
            3. No unsolicited sexual content.
            4. No spam, ads, links to other services or asking for money.
            5. Don't try to find out who your partner is, or share phone numbers, usernames or e-mails.
            Messages that break the rules are not passed on. Breaking them again gets you a warning,
            then mutes, then a ban. /appeal once if you think a mute or ban was wrong.
            Use /report when someone breaks them.""";

    private final String text;

    public InfoCommand(String text) {
        this.text = text;
    }

    @Override
    public void handle(UpdateContext context) {
        context.reply(text);
    }
}
