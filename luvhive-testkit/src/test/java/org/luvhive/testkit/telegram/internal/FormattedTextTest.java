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
}
