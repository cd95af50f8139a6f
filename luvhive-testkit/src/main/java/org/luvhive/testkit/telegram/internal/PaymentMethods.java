package org.luvhive.testkit.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** sendInvoice, answerPreCheckoutQuery, refundStarPayment. Stateless. */
final class PaymentMethods {
    static final String STARS = "XTR";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private PaymentMethods() {
    }

    static void register(MethodRegistry registry) {
        registry.add("sendInvoice", PaymentMethods::sendInvoice);
        registry.add("answerPreCheckoutQuery", PaymentMethods::answerPreCheckoutQuery);
        registry.add("refundStarPayment", PaymentMethods::refundStarPayment);
    }

    private static MethodResult sendInvoice(BotState bot, ApiParams params) {
        ChatState chat = Outbox.targetChat(bot, params);
        String title = lengthChecked(params, "title", 32, "INVOICE_TITLE_EMPTY");
        String description = lengthChecked(params, "description", 255, "INVOICE_DESCRIPTION_EMPTY");
        String payload = params.string("payload").orElse("");
        int payloadBytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (payloadBytes < 1 || payloadBytes > 128) {
            throw ApiError.badRequest("INVOICE_PAYLOAD_INVALID");
        }
        String currency = params.string("currency").orElse("");
        if (!CURRENCY.matcher(currency).matches()) {
            throw ApiError.badRequest("CURRENCY_INVALID");
        }
        boolean stars = STARS.equals(currency);
        String providerToken = params.string("provider_token").orElse("");
        if (stars != providerToken.isEmpty()) {
            throw ApiError.badRequest("PAYMENT_PROVIDER_INVALID");
        }
        JsonNode prices = params.json("prices").orElseThrow(() -> ApiError.badRequest("prices is empty"));
        if (!prices.isArray() || prices.isEmpty() || stars && prices.size() != 1) {
            throw ApiError.badRequest(stars ? "STARS_INVOICE_INVALID" : "prices is empty");
        }
        long total = 0;
        for (JsonNode price : prices) {
            long amount = price.path("amount").asLong(0);
            if (amount <= 0 || price.path("label").asText("").isEmpty()) {
                throw ApiError.badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
            }
            total += amount;
        }
        long totalAmount = total;
        String startParameter = params.string("start_parameter").orElse("");
        StoredMessage sent = Outbox.send(bot, params, chat, message -> message.putObject("invoice")
                .put("title", title).put("description", description).put("start_parameter", startParameter)
                        .put("currency", currency).put("total_amount", totalAmount),
                stored -> stored.invoice = new StoredMessage.Invoice(payload, currency, totalAmount));
        return MethodResult.delivered(chat.snapshot(sent).json());
    }

    private static String lengthChecked(ApiParams params, String name, int max, String emptyError) {
        String value = params.string(name).orElse("");
        if (value.isEmpty()) {
            throw ApiError.badRequest(emptyError);
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw ApiError.badRequest(name.toUpperCase(Locale.ROOT) + "_TOO_LONG");
        }
        return value;
    }

    private static MethodResult answerPreCheckoutQuery(BotState bot, ApiParams params) {
        String queryId = params.requiredString("pre_checkout_query_id");
        boolean ok = params.bool("ok");
        String errorMessage = params.string("error_message").orElse(null);
        if (!ok && (errorMessage == null || errorMessage.isBlank())) {
            throw ApiError.badRequest("ERROR_MESSAGE_EMPTY");
        }
        if (!bot.payments().answer(queryId, new PaymentBook.CheckoutAnswer(ok, errorMessage))) {
            throw ApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        return MethodResult.of(BooleanNode.TRUE);
    }

    private static MethodResult refundStarPayment(BotState bot, ApiParams params) {
        long userId = params.requiredLong("user_id");
        String chargeId = params.requiredString("telegram_payment_charge_id");
        bot.payments().refund(userId, chargeId);
        return MethodResult.of(BooleanNode.TRUE);
    }

    /** The pre_checkout_query the emulator sends when a user pays an invoice. */
    static ObjectNode preCheckoutQuery(BotState bot, String queryId, ObjectNode from, StoredMessage.Invoice invoice) {
        ObjectNode query = bot.mapper().createObjectNode();
        query.put("id", queryId);
        query.set("from", from);
        query.put("currency", invoice.currency());
        query.put("total_amount", invoice.totalAmount());
        query.put("invoice_payload", invoice.payload());
        return query;
    }
}
