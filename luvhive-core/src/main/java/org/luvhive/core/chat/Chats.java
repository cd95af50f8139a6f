package org.luvhive.core.chat;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.chat.internal.ChatDao;
import org.luvhive.core.chat.internal.ChatRows;
import org.luvhive.core.chat.internal.HeldMediaDao;
import org.luvhive.core.chat.internal.ReopenDao;
import org.luvhive.core.chat.internal.RevealDao;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.update.InboxBatch;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Starts and ends chats and tells both sides. Every method works in the caller's
 * transaction. Starting and ending a chat, and every change to the match queue, happen
 * under one transaction-scoped advisory lock ({@link #lock}), taken before any row lock,
 * so pairing is serialised across threads and bot instances and lock order never
 * deadlocks. Stateless; thread-safe.
 */
public final class Chats {

    /** Callback data of "Chat again?": {@code again:<chat>}. */
    public static final String REOPEN_PREFIX = "again:";
    /** How long after a chat ends both may still say yes to reopening it. */
    public static final Duration REOPEN_WINDOW = Duration.ofHours(24);

    /** The advisory lock key: "LuvMatch" in ASCII (unchanged, so mixed versions share it during a deploy). */
    private static final long LOCK_KEY = 0x4C75764D61746368L;

    private final Outbox outbox;
    private final Users users;

    /** @param users whose language each side is told things in */
    public Chats(Outbox outbox, Users users) {
        this.outbox = outbox;
        this.users = users;
    }

    /**
     * Takes the chat lock for the rest of the caller's transaction (taking it again is
     * harmless). {@link #end} takes it itself; the matcher takes it before it reads or
     * changes the queue.
     */
    public void lock(Handle handle) {
        handle.attach(ChatDao.class).lock(LOCK_KEY);
        InboxBatch.endAfterThisUpdate(handle); // held to the commit: no more handlers behind it
    }

    /**
     * Opens a chat between two users who are in no chat; the caller holds the {@link #lock}. The unique index on active
     * memberships refuses a second chat for either, whatever the caller checked.
     */
    public long start(Handle handle, long first, long second, Instant now) {
        ChatDao chats = handle.attach(ChatDao.class);
        long chatId = chats.insertChat(now);
        chats.insertMember(chatId, first, second);
        chats.insertMember(chatId, second, first);
        return chatId;
    }

    /** The user's chat, while it is on. */
    /** The user's profile and the chat they are in, in one statement; empty for someone not registered. */
    public Optional<SenderState> sender(Handle handle, long userId) {
        return ChatRows.sender(handle, userId);
    }

    public Optional<ChatMembership> active(Handle handle, long userId) {
        return ChatRows.active(handle, userId);
    }

    /** The user's most recent chat, on or ended. */
    public Optional<ChatMembership> latest(Handle handle, long userId) {
        return handle.attach(ChatDao.class).latest(userId);
    }

    /** The user's chat while it is on, or their last one if it ended within {@code window} (to report it). */
    public Optional<ChatMembership> currentOrEndedWithin(Handle handle, long userId, Instant now, Duration window) {
        return latest(handle, userId)
                .filter(chat -> chat.active() || (chat.endedAt() != null && !chat.endedAt().plus(window).isBefore(now)));
    }

    /** The user's side of that chat, if they were in it. */
    public Optional<ChatMembership> membership(Handle handle, long chatId, long userId) {
        return handle.attach(ChatDao.class).membership(chatId, userId);
    }

    public long countActive(Handle handle) {
        return handle.attach(ChatDao.class).countActive();
    }

    /** How many chats the user started (either side) since {@code since}: the churn rule's count. */
    public int startedSince(Handle handle, long userId, Instant since) {
        return handle.attach(ChatDao.class).countStartedSince(userId, since);
    }

    /** Whether a chat of the user's started from {@code from} to {@code to}, both included. */
    public boolean startedBetween(Handle handle, long userId, Instant from, Instant to) {
        return handle.attach(ChatDao.class).startedBetween(userId, from, to);
    }

    /** How many chats the user has on record (until chat retention deletes them). */
    public long countOnRecord(Handle handle, long userId) {
        return handle.attach(ChatDao.class).countChatsOf(userId);
    }

    /** How many relayed-message id pairs name the user (ids only; content is never stored). */
    public long countRelayedIds(Handle handle, long userId) {
        return handle.attach(ChatDao.class).countRelayedOf(userId);
    }

    /**
     * Deletes every chat the user was in, with both memberships, the relay mappings and held media, and
     * takes the user's id and words out of the copies and edits relayed to their partners
     * (for {@code /delete_me}; end their active chat first, so the partner is told).
     */
    public void forget(Handle handle, long userId) {
        ChatDao chats = handle.attach(ChatDao.class);
        chats.deleteRelayedOf(userId);
        handle.attach(HeldMediaDao.class).forget(userId);
        chats.deleteChatsOf(userId);
        RelayCorrelation.patternsOfSender(userId).forEach(pattern -> outbox.forgetCorrelated(handle, pattern));
    }

    /**
     * Ends the user's active chat, if any, and tells the partner (and the user, when the
     * reason calls for it). Takes the {@link #lock} first. Returns the ended membership.
     */
    public Optional<ChatMembership> end(Handle handle, long userId, EndReason reason, Instant now) {
        lock(handle);
        ChatDao chats = handle.attach(ChatDao.class);
        Optional<ChatMembership> found = chats.activeForUpdate(userId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ChatMembership membership = found.get();
        if (chats.endChat(membership.chatId(), userId, reason.code(), now) == 0) {
            return Optional.empty();
        }
        chats.deactivateMembers(membership.chatId());
        handle.attach(RevealDao.class).clear(membership.chatId()); // a consent to reveal lasts the chat
        handle.attach(HeldMediaDao.class).clear(membership.chatId()); // media never allowed is never shown
        long partner = membership.partnerId();
        boolean reopenable = reason == EndReason.STOP || reason == EndReason.NEXT;
        Language partnerLanguage = users.language(handle, partner);
        outbox.enqueue(handle, notice(partner, Texts.of(partnerLanguage, reason == EndReason.BOT_BLOCKED
                        ? "chat.partner_unreachable" : "chat.partner_left"),
                afterChatKeyboard(membership.chatId(), partnerLanguage, reopenable)));
        Language language = users.language(handle, userId);
        switch (reason) {
            case STOP -> outbox.enqueue(handle, notice(userId, Texts.of(language, "chat.ended_stop"),
                    afterChatKeyboard(membership.chatId(), language, reopenable)));
            case NEXT -> outbox.enqueue(handle, notice(userId, Texts.of(language, "chat.ended_next"),
                    afterChatKeyboard(membership.chatId(), language, reopenable)));
            default -> {
                // blocks, reports, bans, deletions and blocked bots say their own thing (or cannot be told)
            }
        }
        return Optional.of(membership);
    }

    /**
     * Records that {@code userId} would chat again in ended {@code chatId}; true when both
     * sides now would (the caller reopens it then, under the {@link #lock}, and calls
     * {@link #clearReopen}). False when this side had said so already, or the other has not.
     */
    public boolean wantsToReopen(Handle handle, long chatId, long userId, long partnerId, Instant now) {
        ReopenDao reopens = handle.attach(ReopenDao.class);
        reopens.request(chatId, userId, now);
        return reopens.requested(chatId, partnerId);
    }

    /** Forgets both sides' wish to reopen {@code chatId} (it reopened, or it never can). */
    public void clearReopen(Handle handle, long chatId) {
        handle.attach(ReopenDao.class).clear(chatId);
    }

    /**
     * Thumbs up/down for the chat, "Chat again?" when the chat may reopen (it ended with
     * /stop or /next), and report and block buttons for the partner.
     */
    public static InlineKeyboardMarkup afterChatKeyboard(long chatId, Language language, boolean reopenable) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        rows.add(row(button("👍", "rate:" + chatId + ":up"), button("👎", "rate:" + chatId + ":down")));
        if (reopenable) {
            rows.add(row(button(Texts.of(language, "reopen.button"), REOPEN_PREFIX + chatId)));
        }
        rows.add(reportAndBlockRow(chatId, language));
        return keyboard(rows);
    }

    public static InlineKeyboardRow reportAndBlockRow(long chatId, Language language) {
        return row(button(Texts.of(language, "chat.button.report"), "rep:" + chatId),
                button(Texts.of(language, "chat.button.block"), "blk:" + chatId));
    }
}
