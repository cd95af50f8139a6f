package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** getUpdates and the webhook methods. Stateless. */
final class UpdateMethods {
    private static final Pattern SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_SECRET_TOKEN = 256;
    private static final int DEFAULT_MAX_CONNECTIONS = 40;

    private UpdateMethods() {
    }

    static void register(MethodRegistry registry) {
        registry.add("getUpdates", UpdateMethods::getUpdates);
        registry.add("setWebhook", UpdateMethods::setWebhook);
        registry.add("deleteWebhook", UpdateMethods::deleteWebhook);
        registry.add("getWebhookInfo", UpdateMethods::getWebhookInfo);
    }

    private static MethodResult getUpdates(BotState bot, ApiParams params) throws InterruptedException {
        long offset = params.longValue("offset").orElse(0);
        int limit = Math.max(1, Math.min(100, params.intValue("limit", 100)));
        int timeout = Math.max(0, params.intValue("timeout", 0));
        List<String> allowed = allowedUpdates(params).orElse(null);
        List<PendingUpdate> batch = bot.updates().poll(offset, limit, Duration.ofSeconds(timeout), allowed);
        ArrayNode result = bot.mapper().createArrayNode();
        batch.forEach(update -> {
            if (update.raw() != null) {
                result.addRawValue(new RawValue(update.raw()));
            } else {
                result.add(update.json());
            }
        });
        return MethodResult.of(result);
    }

    private static Optional<List<String>> allowedUpdates(ApiParams params) {
        return params.json("allowed_updates").map(node -> {
            if (!node.isArray()) {
                throw ApiError.badRequest("can't parse allowed updates");
            }
            List<String> types = new ArrayList<>();
            node.forEach(type -> types.add(type.asText()));
            return types;
        });
    }

    private static MethodResult setWebhook(BotState bot, ApiParams params) {
        String url = params.string("url").map(String::trim).orElse("");
        boolean dropPending = params.bool("drop_pending_updates");
        if (url.isEmpty()) {
            boolean wasSet = bot.updates().deleteWebhook(dropPending);
            return new MethodResult(BooleanNode.TRUE, wasSet ? "Webhook was deleted" : "Webhook is already deleted",
                    false);
        }
        validateUrl(url);
        String secret = params.string("secret_token").filter(token -> !token.isEmpty()).orElse(null);
        if (secret != null && secret.length() > MAX_SECRET_TOKEN) {
            throw ApiError.badRequest("secret token is too long");
        }
        if (secret != null && !SECRET_TOKEN.matcher(secret).matches()) {
            throw ApiError.badRequest("secret token contains unallowed characters");
        }
        int maxConnections = params.intValue("max_connections", DEFAULT_MAX_CONNECTIONS);
        maxConnections = Math.max(1, Math.min(100, maxConnections));
        WebhookConfig previous = bot.updates().webhook();
        WebhookConfig config = new WebhookConfig(url, secret, maxConnections, allowedUpdates(params).orElse(null));
        bot.updates().setWebhook(config, dropPending);
        // Telegram answers "already set" only when nothing but allowed_updates could have changed.
        boolean unchanged = previous != null && previous.url().equals(url)
                && Objects.equals(previous.secretToken(), secret) && previous.maxConnections() == maxConnections
                && !dropPending;
        return new MethodResult(BooleanNode.TRUE, unchanged ? "Webhook is already set" : "Webhook was set", false);
    }

    /** Unlike Telegram, plain http and any port are accepted: test webhooks run on localhost. */
    private static void validateUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw ApiError.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
            }
        } catch (URISyntaxException e) {
            throw ApiError.badRequest("bad webhook: Failed to parse the URL");
        }
    }

    private static MethodResult deleteWebhook(BotState bot, ApiParams params) {
        boolean wasSet = bot.updates().deleteWebhook(params.bool("drop_pending_updates"));
        return new MethodResult(BooleanNode.TRUE, wasSet ? "Webhook was deleted" : "Webhook is already deleted",
                false);
    }

    private static MethodResult getWebhookInfo(BotState bot, ApiParams params) {
        return MethodResult.of(webhookInfo(bot));
    }

    /** The WebhookInfo object; also used by the Java API. */
    static ObjectNode webhookInfo(BotState bot) {
        WebhookConfig webhook = bot.updates().webhook();
        UpdateQueue.WebhookErrorState errors = bot.updates().webhookErrors();
        ObjectNode info = bot.mapper().createObjectNode();
        info.put("url", webhook == null ? "" : webhook.url());
        info.put("has_custom_certificate", false);
        info.put("pending_update_count", bot.updates().pendingCount());
        if (webhook != null) {
            info.put("ip_address", "127.0.0.1");
            info.put("max_connections", webhook.maxConnections());
            List<String> allowed = bot.updates().allowedUpdates();
            if (!allowed.isEmpty()) {
                ArrayNode types = info.putArray("allowed_updates");
                allowed.forEach(types::add);
            }
        }
        if (errors.lastErrorDate() != 0) {
            info.put("last_error_date", errors.lastErrorDate());
            info.put("last_error_message", errors.lastErrorMessage());
        }
        return info;
    }
}
