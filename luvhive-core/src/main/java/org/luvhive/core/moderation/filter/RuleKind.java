package org.luvhive.core.moderation.filter;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a rule looks for. Detector kinds find their pattern in code; {@code words} rules
 * carry their own list of words and phrases; {@code duplicate} and {@code churn} judge
 * behaviour (the same text to several partners, rapid /next) rather than one text;
 * {@code media} is the media lock, which blocks without being an offence.
 */
public enum RuleKind {
    INVITE_LINK("invite_link", "Invite links and t.me links are not allowed here."),
    URL("url", "Links are not allowed here."),
    DOMAIN("domain", "Links are not allowed here."),
    USERNAME("username", "Usernames are not allowed here: keep the chat anonymous."),
    PHONE("phone", "Phone numbers are not allowed here: keep the chat anonymous."),
    EMAIL("email", "E-mail addresses are not allowed here: keep the chat anonymous."),
    WORDS("words", "That message breaks the chat rules."),
    DUPLICATE("duplicate", "You sent the same message to several people: that looks like spam."),
    CHURN("churn", "You are skipping partners very fast: take a short break."),
    MEDIA("media", "Media is not allowed for you right now.");

    private final String code;
    private final String explanation;

    RuleKind(String code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    public String code() {
        return code;
    }

    /** One short line for the sender, never naming the word that matched. */
    public String explanation() {
        return explanation;
    }

    /** True for kinds that take a list of terms. */
    public boolean takesTerms() {
        return this == WORDS;
    }

    /** False for the media lock: being new is no offence. */
    public boolean countsStrike() {
        return this != MEDIA;
    }

    public static Optional<RuleKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
