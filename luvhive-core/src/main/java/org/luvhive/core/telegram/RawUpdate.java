package org.luvhive.core.telegram;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * One update as it came from Telegram, before anything was made of it: its bytes (an
 * element of getUpdates' {@code result}, or a webhook's body) and its {@code update_id}
 * when one could be read. Whatever the bytes hold, they are kept as they are, so an
 * update that cannot be understood can still be stored and shown. Immutable.
 *
 * @param updateId the top-level {@code update_id}, when it is there and a whole number
 * @param bytes    exactly what was received
 */
public record RawUpdate(Optional<Long> updateId, byte[] bytes) implements Serializable {

    public RawUpdate {
        bytes = bytes.clone();
    }

    /** A webhook body or any JSON text: its update_id is read here. */
    public static RawUpdate of(byte[] bytes) {
        return new RawUpdate(RawUpdateReader.updateIdOf(bytes), bytes);
    }

    public static RawUpdate of(String json) {
        return of(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes as text (invalid UTF-8 replaced). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawUpdate that && updateId.equals(that.updateId) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * updateId.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawUpdate[" + updateId.map(String::valueOf).orElse("no update_id") + ", " + bytes.length + " bytes]";
    }
}
