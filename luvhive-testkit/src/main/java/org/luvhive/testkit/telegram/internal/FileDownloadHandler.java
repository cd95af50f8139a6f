package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves {@code /file/bot<token>/<file_path>}, the downloads getFile points at, as
 * api.telegram.org does: the bytes with a content type, or a JSON 404. Thread-safe.
 */
public final class FileDownloadHandler implements HttpHandler {
    private static final String PREFIX = "/file/bot";

    private final BotDirectory bots;
    private final ObjectMapper mapper;

    public FileDownloadHandler(BotDirectory bots, ObjectMapper mapper) {
        this.bots = bots;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            int slash = path.indexOf('/', PREFIX.length());
            if (!path.startsWith(PREFIX) || slash < 0) {
                HttpResponses.send(exchange, 404, HttpResponses.error(mapper, ApiError.notFound()));
                return;
            }
            BotState bot = bots.find(URLDecoder.decode(path.substring(PREFIX.length(), slash), StandardCharsets.UTF_8));
            if (bot == null) {
                HttpResponses.send(exchange, 401, HttpResponses.error(mapper, ApiError.unauthorized()));
                return;
            }
            String filePath = URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8);
            Optional<MediaFactory.StoredFile> file = bot.media().fileAt(filePath);
            if (file.isEmpty()) {
                HttpResponses.send(exchange, 404, HttpResponses.error(mapper, ApiError.notFound()));
                return;
            }
            sendFile(exchange, file.get());
        }
    }

    /** Writes a stored file's bytes; also used by the page's {@code /sim} file route. */
    public static void sendFile(HttpExchange exchange, MediaFactory.StoredFile file) throws IOException {
        byte[] content = file.content().get();
        exchange.getResponseHeaders().set("Content-Type", file.mimeType());
        exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(200, head ? -1 : content.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        }
    }
}
