package org.luvhive.testkit.telegram.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entities Telegram finds in any text by itself, without parse_mode: bot commands,
 * URLs, e-mail addresses, @mentions and #hashtags (clients make commands and links
 * clickable from them). A simplified version of TDLib's matcher. Stateless and thread-safe.
 */
final class AutoEntities {
    private static final Pattern FOUND = Pattern.compile(
            "(?<command>(?<![\\w/])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?![\\w/])"
                    + "|(?<url>\\bhttps?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'])"
                    + "|(?<email>\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})"
                    + "|(?<mention>(?<![\\w@])@[A-Za-z][A-Za-z0-9_]{3,31})(?!\\w)"
                    + "|(?<hashtag>(?<![\\w#])#[\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)");

    private AutoEntities() {
    }

    /** The entities found in {@code text}, leaving out any that would overlap {@code existing}. */
    static List<FormattedText.Entity> find(String text, List<FormattedText.Entity> existing) {
        List<FormattedText.Entity> found = new ArrayList<>();
        Matcher matcher = FOUND.matcher(text);
        while (matcher.find()) {
            String type = matcher.group("command") != null ? "bot_command" : matcher.group("url") != null ? "url"
                    : matcher.group("email") != null ? "email" : matcher.group("mention") != null ? "mention"
                    : "hashtag";
            int start = matcher.start();
            int end = matcher.end();
            boolean overlaps = existing.stream().anyMatch(entity -> isLinkLike(entity)
                    && start < entity.offset() + entity.length() && entity.offset() < end);
            if (!overlaps) {
                found.add(FormattedText.Entity.of(type, start, end - start));
            }
        }
        return found;
    }

    /** Formatting may cover a found URL; a link or code may not. */
    private static boolean isLinkLike(FormattedText.Entity entity) {
        return switch (entity.type()) {
            case "text_link", "code", "pre", "url", "email", "mention", "hashtag", "bot_command", "text_mention",
                 "custom_emoji" -> true;
            default -> false;
        };
    }
}
