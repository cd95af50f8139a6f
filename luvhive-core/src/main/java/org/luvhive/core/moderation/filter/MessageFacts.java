package org.luvhive.core.moderation.filter;

import java.time.Duration;

/**
 * What the checker needs to know about one message to relay. Immutable.
 *
 * @param text              the text or caption (null or empty: none)
 * @param media             true for a photo, video, voice, sticker, document or animation
 * @param accountAge        time since the sender finished onboarding (null: unknown, taken as established)
 * @param duplicatePartners how many distinct chats the sender sent this same text to within the
 *                          duplicate window, this one included (0 when not counted)
 */
public record MessageFacts(String text, boolean media, Duration accountAge, int duplicatePartners) {

    public static MessageFacts text(String text) {
        return new MessageFacts(text, false, null, 0);
    }

    public MessageFacts withAccountAge(Duration age) {
        return new MessageFacts(text, media, age, duplicatePartners);
    }

    public MessageFacts withDuplicatePartners(int partners) {
        return new MessageFacts(text, media, accountAge, partners);
    }

    public MessageFacts withMedia(boolean withMedia) {
        return new MessageFacts(text, withMedia, accountAge, duplicatePartners);
    }
}
