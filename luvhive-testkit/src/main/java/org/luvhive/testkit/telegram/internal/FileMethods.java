package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** getFile: where a file can be downloaded ({@code /file/bot<token>/<file_path>}). Stateless. */
final class FileMethods {
    /** Telegram's getFile refuses files over 20 MB (without a local Bot API server). */
    static final int MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

    private FileMethods() {
    }

    static void register(MethodRegistry registry) {
        registry.add("getFile", FileMethods::getFile);
    }

    private static MethodResult getFile(BotState bot, ApiParams params) {
        String fileId = params.string("file_id").map(String::trim).orElse("");
        if (fileId.isEmpty()) {
            throw ApiError.badRequest("file_id not specified");
        }
        MediaFactory.StoredFile file = bot.media().file(fileId)
                .orElseThrow(() -> ApiError.badRequest("invalid file_id"));
        if (file.size() > MAX_DOWNLOAD_BYTES) {
            throw ApiError.badRequest("file is too big");
        }
        ObjectNode result = bot.mapper().createObjectNode().put("file_id", file.fileId())
                .put("file_unique_id", file.uniqueId()).put("file_size", file.size())
                .put("file_path", file.path());
        return MethodResult.of(result);
    }
}
