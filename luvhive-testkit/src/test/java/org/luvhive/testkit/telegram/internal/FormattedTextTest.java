package org.luvhive.testkit.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormattedTextTest {

    @Test
    void htmlMarkupIsRemovedAndEntitiesDecoded() {
        assertThat(FormattedText.visibleText("<b>Hi</b> <a href=\"https://x\">you</a> &lt;3 &amp; more", "HTML"))
                .isEqualTo("Hi you <3 & more");
    }

    @Test
    void unescapedAngleBracketsInHtmlAreRejectedLikeTelegramDoes() {
        assertThatThrownBy(() -> FormattedText.visibleText("a <3 b", "HTML"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.description())
                        .startsWith("Bad Request: can't parse entities: Unsupported start tag \"3\" at byte offset 2"));
        assertThatThrownBy(() -> FormattedText.visibleText("<b>x</i>", "HTML")).isInstanceOf(ApiError.class);
    }

    @Test
    void markdownV2DemandsEscapedReservedCharacters() {
        assertThat(FormattedText.visibleText("*bold* and 1\\.5", "MarkdownV2")).isEqualTo("bold and 1.5");
        assertThatThrownBy(() -> FormattedText.visibleText("Hello.", "MarkdownV2"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.description()).isEqualTo(
                        "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the "
                                + "preceding '\\'"));
    }

    @Test
    void plainTextIsUntouched() {
        assertThat(FormattedText.visibleText("<b>raw</b>", null)).isEqualTo("<b>raw</b>");
    }

    @Test
    void htmlTagsBecomeEntitiesWithUtf16Offsets() {
        FormattedText parsed = FormattedText.parse("😀 <b>bold <i>both</i></b> <tg-spoiler>secret</tg-spoiler> "
                + "<a href=\"https://x.org/?a=1&amp;b=2\">link</a> <pre><code class=\"language-java\">int i;</code></pre>"
                + " <span class=\"tg-spoiler\">s</span> <blockquote expandable>q</blockquote>", "HTML");

        assertThat(parsed.text()).isEqualTo("😀 bold both secret link int i; s q");
        assertThat(parsed.entities()).containsExactly(
                FormattedText.Entity.of("bold", 3, 9),
                FormattedText.Entity.of("italic", 8, 4),
                FormattedText.Entity.of("spoiler", 13, 6),
                new FormattedText.Entity("text_link", 20, 4, "https://x.org/?a=1&b=2", null, null),
                new FormattedText.Entity("pre", 25, 6, null, "java", null),
                FormattedText.Entity.of("spoiler", 32, 1),
                FormattedText.Entity.of("expandable_blockquote", 34, 1));
    }

    @Test
    void markdownV2NestsEntitiesAndReadsLinksCodeAndQuotes() {
        FormattedText parsed = FormattedText.parse("*bold _italic_* __under__ ~gone~ ||hide|| [site](https://a.b/c\\)d) "
                + "`x_y` ```python\nprint(1)```\n>quoted\n>more\nafter", "MarkdownV2");

        assertThat(parsed.text()).isEqualTo("bold italic under gone hide site x_y print(1)\nquoted\nmore\nafter");
        assertThat(parsed.entities()).containsExactly(
                FormattedText.Entity.of("bold", 0, 11),
                FormattedText.Entity.of("italic", 5, 6),
                FormattedText.Entity.of("underline", 12, 5),
                FormattedText.Entity.of("strikethrough", 18, 4),
                FormattedText.Entity.of("spoiler", 23, 4),
                new FormattedText.Entity("text_link", 28, 4, "https://a.b/c)d", null, null),
                FormattedText.Entity.of("code", 33, 3),
                new FormattedText.Entity("pre", 37, 8, null, "python", null),
                FormattedText.Entity.of("blockquote", 46, 11));
        assertThatThrownBy(() -> FormattedText.parse("*open", "MarkdownV2")).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.description()).isEqualTo(
                        "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 0"));
    }

    @Test
    void legacyMarkdownDoesNotNestAndEscapesOnlyItsMarkers() {
        FormattedText parsed = FormattedText.parse("*a_b* \\_x\\_ [t](http://u) 1.5", "Markdown");

        assertThat(parsed.text()).isEqualTo("a_b _x_ t 1.5");
        assertThat(parsed.entities()).containsExactly(FormattedText.Entity.of("bold", 0, 3),
                new FormattedText.Entity("text_link", 8, 1, "http://u", null, null));
    }
}
