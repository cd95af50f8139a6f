package org.luvhive.testkit.telegram;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of media a simulated user can send and a bot can send back, with their Bot API
 * field names ({@code photo}, {@code video_note}, ...) and send methods. Immutable.
 */
public enum MediaKind {
    PHOTO("photo", "sendPhoto"),
    VIDEO("video", "sendVideo"),
    VOICE("voice", "sendVoice"),
    VIDEO_NOTE("video_note", "sendVideoNote"),
    AUDIO("audio", "sendAudio"),
    DOCUMENT("document", "sendDocument"),
    STICKER("sticker", "sendSticker"),
    ANIMATION("animation", "sendAnimation");

    private final String field;
    private final String sendMethod;

    MediaKind(String field, String sendMethod) {
        this.field = field;
        this.sendMethod = sendMethod;
    }

    /** The Message field and the send method's file parameter, e.g. {@code video_note}. */
    public String field() {
        return field;
    }

    /** The Bot API method that sends it, e.g. {@code sendVideoNote}. */
    public String sendMethod() {
        return sendMethod;
    }

    /** Whether a message of this kind may carry a caption. */
    public boolean takesCaption() {
        return this != STICKER && this != VIDEO_NOTE;
    }

    public static Optional<MediaKind> ofField(String field) {
        for (MediaKind kind : values()) {
            if (kind.field.equals(field)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static Optional<MediaKind> ofSendMethod(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        for (MediaKind kind : values()) {
            if (kind.sendMethod.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
