package org.luvhive.core.moderation;

import java.util.Locale;

/** What a moderation decision did, as stored and logged. */
public enum ModerationAction {
    /** A message was not relayed (or a search refused) by a rule. */
    BLOCK,
    /** A message was relayed, but earned its sender a strike. */
    STRIKE,
    /** The strike ladder's warning. */
    WARN,
    /** Muted until a time: messages are not relayed. */
    MUTE,
    /** Banned: by the strike ladder (for an admin to review) or by an admin. */
    BAN,
    /** An admin lifted mute, ban and hold; live strikes start again from zero. */
    LIFT,
    /** An admin closed a case without action. */
    DISMISS,
    /** Kept out of matching until an admin decides (reported as under 18). */
    HOLD,
    /** The user appealed a mute or ban. */
    APPEAL,
    /** Muted because several users reported them within a short time. */
    REPORT_MUTE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
