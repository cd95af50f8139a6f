package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.regex.Pattern;
import org.luvhive.testkit.telegram.internal.ApiError;
import org.luvhive.testkit.telegram.internal.HttpResponses;

/**
 * Serves static files from a classpath folder: {@code <prefix><name>} are its scripts, styles
 * and images, and {@code /} its {@code index.html} (the emulator's page; also usable under a
 * {@link TelegramEmulator.Builder#route} of one's own). Only plain file names are served
 * (no directories, no dots but the extension's), so nothing else on the classpath leaks.
 * Anything else is the Bot API's JSON 404. Stateless and thread-safe.
 */
public final class StaticFiles implements HttpHandler {
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg|png)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png");

    private final String resourceDirectory;
    private final String prefix;
    private final ObjectMapper mapper;

    /**
     * @param resourceDirectory the classpath folder, e.g. {@code org/luvhive/testkit/telegram/web}
     * @param prefix            the URL path its files are under, e.g. {@code /ui/}; {@code /} serves index.html
     */
    public StaticFiles(String resourceDirectory, String prefix, ObjectMapper mapper) {
        this.resourceDirectory = resourceDirectory;
        this.prefix = prefix;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String name = path.equals("/") ? "index.html"
                    : path.startsWith(prefix) ? path.substring(prefix.length()) : "";
            boolean readable = exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD");
            byte[] content = readable && FILE_NAME.matcher(name).matches() ? read(name) : null;
            if (content == null) {
                HttpResponses.send(exchange, 404, HttpResponses.error(mapper, ApiError.notFound()));
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : content.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        }
    }

    private byte[] read(String name) throws IOException {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resourceDirectory + "/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
