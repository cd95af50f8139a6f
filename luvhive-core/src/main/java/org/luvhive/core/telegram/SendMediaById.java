package org.luvhive.core.telegram;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * {@code sendPhoto}, {@code sendVideo}, {@code sendAnimation} or {@code sendVideoNote} of a
 * file Telegram already holds, named by its file_id, sent as JSON. TelegramBots' own
 * {@code SendPhoto} and friends are multipart-only methods (not {@link BotApiMethod}s), which
 * neither the outbox (a row of JSON) nor the gateway carries; a file_id needs no upload, and
 * unlike {@code copyMessage} these calls take {@code has_spoiler}. One subclass per method, so
 * a stored row reads back as the call it was. Mutable only while built; thread-safe once sent
 * to the outbox.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract sealed class SendMediaById extends BotApiMethod<Message>
        permits SendMediaById.Photo, SendMediaById.Video, SendMediaById.Animation, SendMediaById.VideoNote {

    /** The media a partner's message can be resent as by file_id. */
    public enum Kind {
        PHOTO, VIDEO, ANIMATION, VIDEO_NOTE;

        /** The Bot API field and {@code held_media.kind} value: {@code photo}, {@code video_note}, ... */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code().equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        /** Whether Telegram can blur it ({@code has_spoiler}) and it may carry a caption. */
        public boolean takesSpoilerAndCaption() {
            return this != VIDEO_NOTE;
        }

        /** The kind of a message's media, if it is one of these. */
        public static Optional<Kind> of(Message message) {
            if (message.hasPhoto()) {
                return Optional.of(PHOTO);
            }
            if (message.hasAnimation()) { // before VIDEO and documents: Telegram sets both for GIFs
                return Optional.of(ANIMATION);
            }
            if (message.hasVideo()) {
                return Optional.of(VIDEO);
            }
            if (message.hasVideoNote()) {
                return Optional.of(VIDEO_NOTE);
            }
            return Optional.empty();
        }

        /** The file_id of the message's media of this kind (the largest photo size). */
        public String fileId(Message message) {
            return switch (this) {
                case PHOTO -> message.getPhoto().get(message.getPhoto().size() - 1).getFileId();
                case VIDEO -> message.getVideo().getFileId();
                case ANIMATION -> message.getAnimation().getFileId();
                case VIDEO_NOTE -> message.getVideoNote().getFileId();
            };
        }
    }

    @JsonProperty("chat_id")
    private Long chatId;
    @JsonProperty("caption")
    private String caption;
    @JsonProperty("caption_entities")
    private List<MessageEntity> captionEntities;
    @JsonProperty("has_spoiler")
    private Boolean hasSpoiler;
    @JsonProperty("reply_parameters")
    private ReplyParameters replyParameters;

    /**
     * The call for {@code kind}; a caption and spoiler are dropped for a video note, which
     * takes neither. {@code replyTo} is the message id in the recipient's chat, or null.
     */
    public static SendMediaById of(Kind kind, long chatId, String fileId, String caption,
                                   List<MessageEntity> captionEntities, boolean spoiler, Integer replyTo) {
        SendMediaById method = switch (kind) {
            case PHOTO -> new Photo(fileId);
            case VIDEO -> new Video(fileId);
            case ANIMATION -> new Animation(fileId);
            case VIDEO_NOTE -> new VideoNote(fileId);
        };
        method.chatId = chatId;
        if (kind.takesSpoilerAndCaption()) {
            method.caption = caption;
            method.captionEntities = captionEntities == null || captionEntities.isEmpty() ? null : captionEntities;
            method.hasSpoiler = spoiler ? Boolean.TRUE : null;
        }
        if (replyTo != null) {
            method.replyParameters = ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true)
                    .build();
        }
        return method;
    }

    /** The file_id sent. */
    @JsonIgnore
    public abstract String fileId();

    @Override
    public Message deserializeResponse(String answer) throws TelegramApiRequestException {
        return deserializeResponse(answer, Message.class);
    }

    @Override
    public void validate() throws TelegramApiValidationException {
        if (chatId == null) {
            throw new TelegramApiValidationException("chat_id can't be empty", this);
        }
        if (fileId() == null || fileId().isEmpty()) {
            throw new TelegramApiValidationException("the file_id can't be empty", this);
        }
    }

    /** {@code sendPhoto}. */
    public static final class Photo extends SendMediaById {
        @JsonProperty("photo")
        private String photo;

        Photo() {
        }

        Photo(String fileId) {
            this.photo = fileId;
        }

        @Override
        public String fileId() {
            return photo;
        }

        @Override
        public String getMethod() {
            return "sendPhoto";
        }
    }

    /** {@code sendVideo}. */
    public static final class Video extends SendMediaById {
        @JsonProperty("video")
        private String video;

        Video() {
        }

        Video(String fileId) {
            this.video = fileId;
        }

        @Override
        public String fileId() {
            return video;
        }

        @Override
        public String getMethod() {
            return "sendVideo";
        }
    }

    /** {@code sendAnimation}. */
    public static final class Animation extends SendMediaById {
        @JsonProperty("animation")
        private String animation;

        Animation() {
        }

        Animation(String fileId) {
            this.animation = fileId;
        }

        @Override
        public String fileId() {
            return animation;
        }

        @Override
        public String getMethod() {
            return "sendAnimation";
        }
    }

    /** {@code sendVideoNote} (no caption, no spoiler). */
    public static final class VideoNote extends SendMediaById {
        @JsonProperty("video_note")
        private String videoNote;

        VideoNote() {
        }

        VideoNote(String fileId) {
            this.videoNote = fileId;
        }

        @Override
        public String fileId() {
            return videoNote;
        }

        @Override
        public String getMethod() {
            return "sendVideoNote";
        }
    }
}
