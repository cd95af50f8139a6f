package org.luvhive.core.update;

import org.telegram.telegrambots.meta.api.objects.message.Message;

/** What a message carries, for routing (one handler per kind) and relaying. */
public enum MessageKind {
    TEXT, PHOTO, VIDEO, ANIMATION, STICKER, VOICE, VIDEO_NOTE, AUDIO, DOCUMENT, LOCATION, CONTACT,
    SUCCESSFUL_PAYMENT, OTHER;

    public static MessageKind of(Message message) {
        if (message.getSuccessfulPayment() != null) {
            return SUCCESSFUL_PAYMENT;
        }
        if (message.hasText()) {
            return TEXT;
        }
        if (message.hasPhoto()) {
            return PHOTO;
        }
        if (message.hasAnimation()) { // before DOCUMENT: Telegram sets both for GIFs
            return ANIMATION;
        }
        if (message.hasVideo()) {
            return VIDEO;
        }
        if (message.hasSticker()) {
            return STICKER;
        }
        if (message.hasVoice()) {
            return VOICE;
        }
        if (message.hasVideoNote()) {
            return VIDEO_NOTE;
        }
        if (message.hasAudio()) {
            return AUDIO;
        }
        if (message.hasDocument()) {
            return DOCUMENT;
        }
        if (message.hasLocation()) {
            return LOCATION;
        }
        if (message.hasContact()) {
            return CONTACT;
        }
        return OTHER;
    }
}
