package org.luvhive.core.chat;

import static org.luvhive.core.ui.Notices.button;
import static org.luvhive.core.ui.Notices.keyboard;
import static org.luvhive.core.ui.Notices.notice;
import static org.luvhive.core.ui.Notices.row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.LuvhiveException;
import org.luvhive.core.chat.internal.HeldMedia;
import org.luvhive.core.chat.internal.HeldMediaDao;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Outbox;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.i18n.Language;
import org.luvhive.core.i18n.Texts;
import org.luvhive.core.telegram.SendMediaById;
import org.luvhive.core.user.Users;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;

/**
 * Consent-first media. Photos, videos, GIFs and video notes from a partner wait in
 * {@code held_media} until the receiver answers "Allow media in this chat?" (asked with the
 * first one): Allow delivers them in order and everything after them; Not now drops them, and
 * every later one, for the rest of the chat (the sender is told). Photos, videos and GIFs are
 * sent by file_id with a spoiler unless the receiver turned spoilers off. The receiver's side
 * of the chat is locked while media is held or the answer given, so neither passes the other.
 * Every method works in the caller's transaction. Thread-safe.
 */
public final class MediaConsent {

    /** Callback data of the answer: {@code media:<chat>:allow|deny}. */
    public static final String PREFIX = "media:";

    private static final TypeReference<List<MessageEntity>> ENTITIES = new TypeReference<>() {
    };

    /** What happens to a medium sent now. */
    public enum Gate {
        /** The receiver allowed media in this chat: send it. */
        DELIVER,
        /** The first medium of the chat: hold it and ask the receiver. */
        ASK,
        /** The receiver was asked and has not answered: hold it. */
        HOLD,
        /** The receiver said Not now: drop it. */
        REFUSE,
        /** The chat is over. */
        NO_CHAT
    }

    /** One medium as a partner sent it: what is needed to send it again by file_id. */
    public record Medium(SendMediaById.Kind kind, String fileId, String caption, List<MessageEntity> captionEntities,
                         Integer replyTo) {
    }

    private final Users users;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param users the receiver's spoiler setting and language, the sender's language */
    public MediaConsent(Users users) {
        this.users = users;
    }

    /** What to do with a medium for {@code recipientId} in the chat now; locks their side of the chat. */
    public Gate gate(Handle handle, long chatId, long recipientId) {
        return handle.attach(HeldMediaDao.class).consentForUpdate(chatId, recipientId).map(consent -> switch (consent) {
            case "allowed" -> Gate.DELIVER;
            case "asked" -> Gate.HOLD;
            case "declined" -> Gate.REFUSE;
            default -> Gate.ASK;
        }).orElse(Gate.NO_CHAT);
    }

    /** The call that delivers {@code medium} to {@code recipientId}, blurred unless they turned spoilers off. */
    public OutboundMessage delivery(Handle handle, long chatId, long senderId, int sourceMessageId, long recipientId,
                                    Medium medium) {
        boolean spoiler = medium.kind().takesSpoilerAndCaption() && users.wantsSpoilers(handle, recipientId);
        return OutboundMessage.of(recipientId, Priority.RELAY, SendMediaById.of(medium.kind(), recipientId,
                        medium.fileId(), medium.caption(), medium.captionEntities(), spoiler, medium.replyTo()))
                .correlatedWith(RelayCorrelation.of(chatId, senderId, sourceMessageId));
    }

    /**
     * Holds {@code medium} for the receiver ({@link Gate#ASK} or {@link Gate#HOLD}); with ASK
     * the receiver is asked, and the sender told their media waits for an answer.
     */
    public void hold(Handle handle, Outbox outbox, Gate gate, long chatId, long senderId, int sourceMessageId,
                     long recipientId, Medium medium, Instant now) {
        HeldMediaDao held = handle.attach(HeldMediaDao.class);
        held.hold(chatId, senderId, recipientId, sourceMessageId, medium.kind().code(), medium.fileId(),
                medium.caption(), entitiesJson(medium.captionEntities()), medium.replyTo(), now);
        if (gate != Gate.ASK) {
            return;
        }
        held.setConsent(chatId, recipientId, "asked");
        Language language = users.language(handle, recipientId);
        outbox.enqueue(handle, notice(recipientId, Texts.of(language, "media.ask",
                        Texts.of(language, "media.kind." + medium.kind().code())),
                keyboard(row(button(Texts.of(language, "media.button.allow"), PREFIX + chatId + ":allow"),
                        button(Texts.of(language, "media.button.not_now"), PREFIX + chatId + ":deny")))));
        outbox.enqueue(handle, notice(senderId, Texts.of(users.language(handle, senderId), "media.held")));
    }

    /**
     * The receiver's answer: true allows media for the rest of the chat and delivers what was
     * held, in order; false drops it and tells its sender. Returns the key of what to tell the
     * receiver; empty when the chat is over.
     */
    public Optional<String> answer(Handle handle, Outbox outbox, long chatId, long recipientId, long senderId,
                                   boolean allow) {
        Gate gate = gate(handle, chatId, recipientId);
        if (gate == Gate.NO_CHAT) {
            return Optional.empty();
        }
        if (gate == Gate.DELIVER || gate == Gate.REFUSE) {
            return Optional.of(gate == Gate.DELIVER ? "media.already_allowed" : "media.already_declined");
        }
        HeldMediaDao held = handle.attach(HeldMediaDao.class);
        held.setConsent(chatId, recipientId, allow ? "allowed" : "declined");
        List<HeldMedia> taken = held.take(chatId, recipientId);
        Language senderLanguage = users.language(handle, senderId);
        if (allow) {
            for (HeldMedia medium : taken) {
                outbox.enqueue(handle, delivery(handle, chatId, medium.senderId(), medium.sourceMessageId(),
                        recipientId, medium(medium)));
            }
            outbox.enqueue(handle, notice(senderId, Texts.of(senderLanguage, "media.allowed_sender")));
            return Optional.of("media.allowed");
        }
        outbox.enqueue(handle, notice(senderId, Texts.of(senderLanguage, "media.declined_sender")));
        return Optional.of("media.declined");
    }

    /** Withdraws a medium its sender unsent before the receiver answered; true when there was one. */
    public boolean withdraw(Handle handle, long senderId, int sourceMessageId) {
        return handle.attach(HeldMediaDao.class).withdraw(senderId, sourceMessageId) > 0;
    }

    private Medium medium(HeldMedia held) {
        SendMediaById.Kind kind = SendMediaById.Kind.ofCode(held.kind())
                .orElseThrow(() -> new LuvhiveException("unknown held media kind " + held.kind()));
        return new Medium(kind, held.fileId(), held.caption(), entities(held.captionEntities()), held.replyToCopyId());
    }

    private String entitiesJson(List<MessageEntity> entities) {
        if (entities == null || entities.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(entities);
        } catch (JsonProcessingException unserialisable) {
            throw new LuvhiveException("cannot keep the caption's entities", unserialisable);
        }
    }

    private List<MessageEntity> entities(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, ENTITIES);
        } catch (JsonProcessingException unreadable) {
            throw new LuvhiveException("cannot read a held caption's entities", unreadable);
        }
    }
}
