package org.luvhive.testkit.telegram;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A multipart body byte for byte as grammY (src/core/payload.ts) writes it: lower-case
 * headers without a space after the colon, a bare {@code filename=} without quotes, no
 * part Content-Type, files after all fields under random names that the fields reference
 * with {@code attach://<name>}, and no line break after the closing boundary.
 */
final class GrammyForm {
    private final String boundary = "----------" + "k3j9s8d7f6g5h4j3k2l1z0x9c8v7b6n5";
    private final List<byte[]> fields = new ArrayList<>();
    private final List<byte[]> files = new ArrayList<>();

    GrammyForm field(String name, String value) {
        fields.add(("content-disposition:form-data;name=\"" + name + "\"\r\n\r\n" + value)
                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A file part under {@code id}; reference it from a field as {@code attach://id}. */
    GrammyForm file(String id, String fileName, byte[] content) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(("content-disposition:form-data;name=\"" + id + "\";filename=" + fileName + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        part.writeBytes(content);
        files.add(part.toByteArray());
        return this;
    }

    String boundary() {
        return boundary;
    }

    byte[] body() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
        List<byte[]> parts = new ArrayList<>(fields);
        parts.addAll(files);
        for (int index = 0; index < parts.size(); index++) {
            if (index > 0) {
                body.writeBytes(("\r\n--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            body.writeBytes(parts.get(index));
        }
        body.writeBytes(("\r\n--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
