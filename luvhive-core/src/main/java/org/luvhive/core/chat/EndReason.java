package org.luvhive.core.chat;

import java.util.Locale;

/** Why a chat ended; decides what each side is told. */
public enum EndReason {
    /** {@code /stop}. */
    STOP,
    /** {@code /next}: the ender searches again. */
    NEXT,
    /** One side blocked the bot (a 403 from Telegram, or a my_chat_member update). */
    BOT_BLOCKED,
    /** An admin banned one side. */
    BANNED,
    /** One side blocked the other. */
    BLOCK,
    /** One side reported the other. */
    REPORT,
    /** One side erased their data. */
    DELETED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
