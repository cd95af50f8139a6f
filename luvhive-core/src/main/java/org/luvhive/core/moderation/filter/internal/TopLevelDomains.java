package org.luvhive.core.moderation.filter.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * The top-level domains a bare domain ({@code example.com}) is recognised by. Left out on
 * purpose: those that are everyday words in the languages our users write, so that a
 * missing space after a full stop ({@code "cafe.it"}, {@code "hola.de"}, {@code "eu.no"},
 * {@code "ok.so"}) is not a link: it, de, es, no, so, to, in, is, at, be, me, my, do, us,
 * am, as, by, id, la, eu, ir, su, ar, ai, ca, se, sa, za, au, th, ml, live, fun, one, top, page,
 * work. Links to
 * those still count when written as URLs ({@code https://}, {@code www.}).
 */
final class TopLevelDomains {

    private static final String[] NAMES = {
        "com", "net", "org", "info", "biz", "io", "co", "uk", "ru", "ly", "gg", "cc", "tk", "ga", "cf", "gq",
        "ws", "xyz", "site", "online", "store", "shop", "club", "link", "click", "app", "dev", "vip", "pro",
        "icu", "buzz", "cn", "ua", "kz", "uz", "br", "mx", "fr", "pl", "nl", "cz", "tr", "tv", "fm", "pt",
        "ch", "fi", "dk", "gr", "ro", "hu", "jp", "kr", "vn", "sg", "hk", "tw", "ae", "pk", "ng", "nz",
        "onion", "рф", "xn--p1ai"
    };

    /** A regular-expression alternation, longest names first. */
    static final String ALTERNATION = Arrays.stream(NAMES)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .collect(Collectors.joining("|"));

    private TopLevelDomains() {
    }
}
