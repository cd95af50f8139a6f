package org.luvhive.core.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** getUpdates answers read update by update, whatever one update holds. */
class RawUpdateReaderTest {

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void eachUpdateIsCutOutAsSentWithItsUpdateIdEvenBesideOnesNothingCouldMap() throws IOException {
        String deep = "{\"update_id\":12,\"message\":" + nested(10_000) + "}";
        String text = "{\"update_id\":11,\"message\":{\"text\":\"h\\u00e9 \\u0000 \\\"q\\\" \uD83D\uDE00\"}}";
        String answer = "{\"ok\":true,\"result\":[" + text + " , null,\n" + deep + ",{\"no_id\":true},"
                + "{\"update_id\":\"13\"},{\"nested\":{\"update_id\":14}},[1,2]]}";

        List<RawUpdate> updates = RawUpdateReader.resultOf(answer).orElseThrow();

        assertThat(updates).extracting(RawUpdate::text).containsExactly(text, "null", deep, "{\"no_id\":true}",
                "{\"update_id\":\"13\"}", "{\"nested\":{\"update_id\":14}}", "[1,2]");
        assertThat(updates).extracting(RawUpdate::updateId).containsExactly(Optional.of(11L), Optional.empty(),
                Optional.of(12L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void anErrorAnswerIsThrownAsTelegramBotsThrowsIt() {
        String answer = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
                + "\"parameters\":{\"retry_after\":7}}";

        assertThatThrownBy(() -> new FetchUpdates(0, 100, 0, List.of()).deserializeResponse(answer))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, failure -> {
                    assertThat(failure.getErrorCode()).isEqualTo(429);
                    assertThat(failure.getParameters().getRetryAfter()).isEqualTo(7);
                });
    }

    @Test
    void anAnswerCutShortIsUnreadableAsAWhole() {
        assertThatThrownBy(() -> new FetchUpdates(0, 100, 0, List.of())
                .deserializeResponse("{\"ok\":true,\"result\":[{\"update_id\":1"))
                .isInstanceOf(TelegramApiRequestException.class);
    }

    @Test
    void aWebhookBodysUpdateIdIsReadUpToTheFirstFault() {
        assertThat(RawUpdate.of("{\"update_id\":5,\"message\":{\"text\":").updateId()).contains(5L);
        assertThat(RawUpdate.of("{\"message\":{},\"update_id\":6}").updateId()).contains(6L);
        assertThat(RawUpdate.of("{not json").updateId()).isEmpty();
        assertThat(RawUpdate.of("null").updateId()).isEmpty();
        assertThat(RawUpdate.of(new byte[] {(byte) 0xFF, 0, 1}).updateId()).isEmpty();
    }
}
