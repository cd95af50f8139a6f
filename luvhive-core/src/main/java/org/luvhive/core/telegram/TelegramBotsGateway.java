package org.luvhive.core.telegram;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.luvhive.core.config.BotToken;
import org.luvhive.core.config.LuvhiveConfig;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * {@link TelegramGateway} over the TelegramBots OkHttp client, pointed at Telegram, a
 * self-hosted Bot API server or the emulator. Thread-safe.
 */
public final class TelegramBotsGateway implements TelegramGateway, AutoCloseable {

    /**
     * Calls at once to the Bot API, and idle connections kept for them. OkHttp's default
     * of 5 calls per host (TelegramBots' client runs every call through OkHttp's
     * dispatcher) held the sender's 8 workers to 4 calls in flight while a long poll held
     * the fifth; calls over the limit queued inside OkHttp, and connections over the 5
     * idle ones kept were closed after each call and opened again for the next. The most
     * sends {@code SEND_CONCURRENCY} allows, and one more for the long poll.
     */
    static final int MAX_CALLS = LuvhiveConfig.MAX_SEND_CONCURRENCY + 1;
    static final int IDLE_CONNECTIONS = 16;

    /** Read timeout: above the longest long poll we make (50 s) with room to spare. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(65);

    private final BotToken token;
    private final OkHttpClient httpClient;
    private final TelegramClient client;

    public TelegramBotsGateway(BotToken token, URI apiUrl) {
        this(token, apiUrl, READ_TIMEOUT);
    }

    /** A gateway whose calls give up after {@code readTimeout} (short for probes and the CLI). */
    public TelegramBotsGateway(BotToken token, URI apiUrl, Duration readTimeout) {
        this.token = token;
        long connectMillis = Math.min(10_000, readTimeout.toMillis());
        this.httpClient = new OkHttpClient.Builder()
                .connectTimeout(connectMillis, TimeUnit.MILLISECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .dispatcher(dispatcher())
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .build();
        this.client = new OkHttpTelegramClient(httpClient, token.reveal(), telegramUrl(apiUrl));
    }

    private static Dispatcher dispatcher() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_CALLS);
        dispatcher.setMaxRequestsPerHost(MAX_CALLS);
        return dispatcher;
    }

    static TelegramUrl telegramUrl(URI apiUrl) {
        String scheme = apiUrl.getScheme();
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : ("https".equals(scheme) ? 443 : 80);
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }

    public BotToken token() {
        return token;
    }

    @Override
    public <T extends Serializable> T execute(BotApiMethod<T> method) {
        try {
            return client.execute(method);
        } catch (TelegramApiException | RuntimeException failure) {
            throw TelegramErrors.classify(failure, token);
        }
    }

    @Override
    public boolean setWebhook(SetWebhook setWebhook) {
        try {
            return Boolean.TRUE.equals(client.execute(setWebhook));
        } catch (TelegramApiException | RuntimeException failure) {
            throw TelegramErrors.classify(failure, token);
        }
    }

    @Override
    public void close() {
        httpClient.dispatcher().executorService().shutdown();
        httpClient.connectionPool().evictAll();
    }
}
