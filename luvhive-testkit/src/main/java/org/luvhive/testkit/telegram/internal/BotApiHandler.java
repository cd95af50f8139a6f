package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.luvhive.testkit.telegram.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /bot<token>/<method>}: authenticates the token, applies injected faults,
 * runs the method and records the call. Thread-safe; one instance serves all requests.
 */
public final class BotApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BotApiHandler.class);

    private final BotDirectory bots;
    private final MethodRegistry methods = new MethodRegistry();
    private final RequestBodyParser parser;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpHandler otherPaths;

    /** {@code otherPaths} answers every request whose path does not start with {@code /bot}. */
    public BotApiHandler(BotDirectory bots, ObjectMapper mapper, Clock clock, HttpHandler otherPaths) {
        this.bots = bots;
        this.mapper = mapper;
        this.clock = clock;
        this.parser = new RequestBodyParser(mapper);
        this.otherPaths = otherPaths;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getRawPath().startsWith("/bot")) {
            otherPaths.handle(exchange);
            return;
        }
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            int slash = path.indexOf('/', 1);
            if (slash < 0) {
                HttpResponses.send(exchange, 404, HttpResponses.error(mapper, ApiError.notFound()));
                return;
            }
            String token = URLDecoder.decode(path.substring(4, slash), StandardCharsets.UTF_8);
            String method = path.substring(slash + 1);
            if (method.startsWith("test/")) {
                method = method.substring(5);
            }
            BotState bot = bots.find(token);
            if (bot == null) {
                LOG.debug("401 for unknown token {}", BotIdentity.mask(token));
                HttpResponses.send(exchange, 401, HttpResponses.error(mapper, ApiError.unauthorized()));
                return;
            }
            serve(exchange, bot, method);
        }
    }

    private void serve(HttpExchange exchange, BotState bot, String method) throws IOException {
        Optional<MethodRegistry.Registered> registered = methods.find(method);
        String name = registered.map(MethodRegistry.Registered::name).orElse(method);
        Long chatId = null;
        try {
            if (registered.isEmpty()) {
                throw ApiError.notFound();
            }
            ApiParams params = parser.parse(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody());
            chatId = params.chatIdOrNull();
            Optional<Fault> fault = bot.faults().match(name.toLowerCase(Locale.ROOT), chatId);
            if (fault.isPresent() && applyFault(fault.get(), exchange, bot, name, chatId)) {
                return;
            }
            MethodResult result = registered.get().handler().handle(bot, params);
            bot.stats().record(clock.instant(), name, chatId, 200, result.delivered());
            HttpResponses.send(exchange, 200, HttpResponses.ok(mapper, result.result(), result.description()));
        } catch (ApiError error) {
            bot.stats().record(clock.instant(), name, chatId, error.errorCode(), false);
            LOG.debug("{} {} -> {} {}", bot.identity(), name, error.errorCode(), error.description());
            HttpResponses.send(exchange, error.errorCode(), HttpResponses.error(mapper, error));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed inside the emulator", bot.identity(), name, e);
            ApiError error = ApiError.of(500, "Internal Server Error", null);
            bot.stats().record(clock.instant(), name, chatId, 500, false);
            HttpResponses.send(exchange, 500, HttpResponses.error(mapper, error));
        }
    }

    /** Returns true when the fault answered (or dropped) the call; false to carry on after a delay. */
    private boolean applyFault(Fault fault, HttpExchange exchange, BotState bot, String name, Long chatId)
            throws InterruptedException {
        switch (fault.kind()) {
            case DELAY:
                Thread.sleep(fault.delay().toMillis());
                return false;
            case STALL:
                Thread.sleep(fault.delay().toMillis());
                bot.stats().record(clock.instant(), name, chatId, 0, false);
                exchange.close();
                return true;
            case DROP_CONNECTION:
                bot.stats().record(clock.instant(), name, chatId, 0, false);
                // Closing before the response headers are sent makes the JDK server drop the connection.
                exchange.close();
                return true;
            default:
                throw ApiError.of(fault.errorCode(), fault.description(), fault.retryAfter());
        }
    }
}
