package org.luvhive.core.moderation.filter.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.luvhive.core.moderation.filter.Rule;
import org.luvhive.core.moderation.filter.RuleKind;
import org.luvhive.core.moderation.filter.Severity;

/**
 * The built-in detectors of links, invite links, usernames, e-mail addresses and phone
 * numbers, run on {@link TextViews#detectable()} (and on {@link TextViews#plain()} to tell
 * whether a hit was obfuscated). Stateless; thread-safe.
 */
public final class Detectors {

    private static final String NOT_BEFORE = "(?<![\\p{L}\\p{N}'’_.@/-])";
    private static final Pattern INVITE = Pattern.compile(NOT_BEFORE + "(?:https?://)?(?:www\\.)?"
            + "(?:(?:t|telegram)\\.(?:me|dog)(?![\\p{L}\\p{N}])|telesco\\.pe"
            + "|(?:chat\\.whatsapp\\.com|wa\\.me|discord\\.gg|discord(?:app)?\\.com/invite)\\s*/)"
            + "|tg://(?:join|resolve|msg)|joinchat");
    private static final Pattern URL = Pattern.compile("(?<![\\p{L}\\p{N}])(?:h[tx]{2}ps?|ftp|tg)://\\S"
            + "|" + NOT_BEFORE + "www\\d?\\.[\\p{L}\\p{N}-]{2,}");
    private static final Pattern INVITE_TO_SPACE = Pattern.compile("(?:" + INVITE.pattern() + ")[^\\s]*");
    private static final Pattern URL_TO_SPACE = Pattern.compile("(?:h[tx]{2}ps?|ftp|tg)://\\S*|www\\d?\\.\\S*");
    private static final Pattern DOMAIN = Pattern.compile(NOT_BEFORE
            + "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+(?:" + TopLevelDomains.ALTERNATION
            + ")(?![\\p{L}\\p{N}_-])");
    /** Telegram usernames: 5-32 letters, digits and underscores, starting with a letter; "@school" is a place. */
    private static final Pattern USERNAME = Pattern.compile("(?<![\\p{L}\\p{N}_.@/])@(?!(?:school|office|night|church"
            + "|college|beach|party|lunch|dinner|midnight|weekend|morning|evening|least|first|times)(?![a-z0-9_]))"
            + "[a-z][a-z0-9_]{4,31}(?![a-z0-9_])");
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}"
            + "|[\\p{L}\\p{N}._-]{2,}\\s*(?:[(\\[{<]\\s*(?:at|собака)\\s*[)\\]}>]|\\s(?:at|собака)\\s)\\s*"
            + "[\\p{L}\\p{N}-]+\\.(?:" + TopLevelDomains.ALTERNATION + ")(?![\\p{L}\\p{N}])"
            + "|(?<=[\\p{L}\\p{N}])@(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|protonmail|proton|yandex"
            + "|mail|aol|gmx)(?![\\p{L}\\p{N}])");
    private static final Pattern PHONE_RUN = Pattern.compile("\\+?[0-9][0-9 ().\\-/]{5,}[0-9]");
    private static final Pattern DATE = Pattern.compile(
            "\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}");
    private static final Set<String> NUMBER_WORDS = Stream.of("zero", "oh", "one", "two", "three", "four", "five",
            "six", "seven", "eight", "nine").map(Skeleton::key).collect(Collectors.toSet());
    private static final TermIndex INVITE_WORDS = new TermIndex(List.of(
            Rule.words("invite-words", Severity.HIGH, List.of("joinchat", "t.me", "telegram.me"))));
    private static final int MIN_PHONE_DIGITS = 9;
    private static final int MIN_PHONE_DIGITS_WITH_PLUS = 8;
    private static final int MAX_PHONE_DIGITS = 15;

    private Detectors() {
    }

    /** True when a detector kind finds its pattern in the text. */
    public static boolean finds(RuleKind kind, String text) {
        // each pattern needs a character most messages lack: looking for it first halves the checker's time
        return switch (kind) {
            case INVITE_LINK -> (text.indexOf('.') >= 0 || text.contains("joinchat") || text.contains("tg:"))
                    && INVITE.matcher(text).find();
            case URL -> (text.contains("://") || text.contains("www")) && URL.matcher(text).find();
            case DOMAIN -> text.indexOf('.') >= 0 && DOMAIN.matcher(text).find();
            case USERNAME -> text.indexOf('@') >= 0 && USERNAME.matcher(text).find();
            case EMAIL -> (text.indexOf('@') >= 0 || text.indexOf('.') >= 0) && EMAIL.matcher(text).find();
            case PHONE -> digits(text) >= MIN_PHONE_DIGITS_WITH_PLUS && hasPhoneNumber(text);
            default -> false;
        };
    }

    /**
     * True when the skeleton pieces spell what a detector kind looks for where the patterns
     * cannot see it: {@code j o i n c h a t}, {@code t . m e}, a phone number in words.
     */
    public static boolean spells(RuleKind kind, List<Skeleton.Piece> pieces) {
        return switch (kind) {
            case INVITE_LINK -> !INVITE_WORDS.find(pieces).isEmpty();
            case PHONE -> spellsPhoneNumber(pieces);
            default -> false;
        };
    }

    /** The spans of {@code text} that any detector pattern matches, in order of their start, for redaction. */
    static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        for (Pattern pattern : List.of(INVITE_TO_SPACE, URL_TO_SPACE, DOMAIN, USERNAME, EMAIL)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                spans.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        spans.sort(Comparator.comparingInt((int[] span) -> span[0]));
        return spans;
    }

    /** True when the skeleton spells out a phone number in words ("nine eight seven ..."). */
    static boolean spellsPhoneNumber(List<Skeleton.Piece> pieces) {
        int digits = 0;
        int words = 0;
        for (Skeleton.Piece piece : pieces) {
            String text = piece.text();
            if (NUMBER_WORDS.contains(text)) {
                digits++;
                words++;
            } else if (text.chars().allMatch(Character::isDigit)) {
                digits += text.length();
            } else {
                digits = 0;
                words = 0;
            }
            if (digits >= MIN_PHONE_DIGITS && words >= 3) {
                return true;
            }
        }
        return false;
    }

    private static int digits(String text) {
        int digits = 0;
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            digits += c >= '0' && c <= '9' ? 1 : 0;
        }
        return digits;
    }

    static boolean hasPhoneNumber(String text) {
        Matcher run = PHONE_RUN.matcher(text);
        while (run.find()) {
            if (isPhoneNumber(run.group())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A run of digits and separators is a phone number when it has 9 to 15 digits (8 after a
     * {@code +}), unless it reads as a date, a list of years, two large numbers (a range
     * {@code 100000-150000}) or a list of equally long numbers ({@code 36 38 40 42}).
     */
    static boolean isPhoneNumber(String run) {
        String trimmed = run.strip();
        int digits = 0;
        for (int index = 0; index < trimmed.length(); index++) {
            digits += Character.isDigit(trimmed.charAt(index)) ? 1 : 0;
        }
        boolean plus = trimmed.startsWith("+");
        if (digits > MAX_PHONE_DIGITS || digits < (plus ? MIN_PHONE_DIGITS_WITH_PLUS : MIN_PHONE_DIGITS)) {
            return false;
        }
        if (plus) {
            return true;
        }
        if (DATE.matcher(trimmed).matches()) {
            return false;
        }
        String[] groups = trimmed.split("[^0-9]+");
        if (groups.length == 1) {
            return true;
        }
        int large = 0;
        int years = 0;
        boolean sameLength = true;
        for (String group : groups) {
            large += group.length() >= 6 ? 1 : 0;
            years += group.length() == 4 && (group.startsWith("19") || group.startsWith("20")) ? 1 : 0;
            sameLength &= group.length() == groups[0].length();
        }
        boolean frenchStyle = groups[0].startsWith("0");
        return large < 2 && years < groups.length
                && !(sameLength && groups.length >= 4 && groups[0].length() >= 2 && !frenchStyle);
    }
}
