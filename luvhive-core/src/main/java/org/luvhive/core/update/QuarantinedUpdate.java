package org.luvhive.core.update;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * An update the inbox could not store or understand, as received. Immutable.
 *
 * @param id            the quarantine's own number
 * @param updateId      its update_id, when one could be read
 * @param userId        its sender, when one could be read
 * @param source        {@code polling} or {@code webhook}
 * @param category      {@code unreadable}, {@code no_update_id}, {@code incomplete} or {@code refused_by_database}
 * @param reason        what was wrong, in one line
 * @param raw           the bytes received (the first 1 MiB of them)
 * @param rawSize       how many bytes were received
 * @param quarantinedAt when
 */
public record QuarantinedUpdate(long id, Long updateId, Long userId, String source, String category, String reason,
                                byte[] raw, int rawSize, Instant quarantinedAt) {

    public Optional<Long> updateIdIfKnown() {
        return Optional.ofNullable(updateId);
    }

    /**
     * The bytes as printable text: valid UTF-8 as it is, except that control characters and
     * the backslash are escaped ({@code \n}, {@code \u0000}, {@code \\}) and bytes that are
     * not UTF-8 show as {@code \xNN}; cut, with "…", once {@code maxChars} characters are
     * written (an escape is never split).
     */
    public String escaped(int maxChars) {
        StringBuilder out = new StringBuilder();
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer chars = CharBuffer.allocate(4096);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean truncated = false;
        while (out.length() < maxChars) {
            CoderResult result = decoder.decode(in, chars, true);
            chars.flip();
            while (chars.hasRemaining() && out.length() < maxChars) {
                appendEscaped(out, chars.get());
            }
            truncated = chars.hasRemaining();
            chars.clear();
            if (truncated) {
                break;
            }
            if (result.isError()) {
                for (int index = 0; index < result.length() && out.length() < maxChars; index++) {
                    out.append(String.format("\\x%02X", in.get() & 0xFF));
                }
            } else if (result.isUnderflow()) {
                break; // all of it
            }
        }
        if (truncated || in.hasRemaining() || rawSize > raw.length) {
            out.append('…');
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char character) {
        switch (character) {
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (character < 0x20 || character == 0x7F) {
                    out.append(String.format("\\u%04X", (int) character));
                } else {
                    out.append(character);
                }
            }
        }
    }
}
