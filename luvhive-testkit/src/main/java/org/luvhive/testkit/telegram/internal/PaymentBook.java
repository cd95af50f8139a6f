package org.luvhive.testkit.telegram.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open pre-checkout queries and the charges of one bot. Thread-safe.
 */
public final class PaymentBook {
    private final Map<String, CompletableFuture<CheckoutAnswer>> openQueries = new ConcurrentHashMap<>();
    private final Map<String, Charge> charges = new ConcurrentHashMap<>();

    /** The bot's answerPreCheckoutQuery. */
    public record CheckoutAnswer(boolean ok, String errorMessage) {
    }

    /** A completed payment; {@code refunded} flips once. */
    public static final class Charge {
        final long userId;
        final long amount;
        boolean refunded;

        Charge(long userId, long amount) {
            this.userId = userId;
            this.amount = amount;
        }
    }

    public CompletableFuture<CheckoutAnswer> open(String queryId) {
        CompletableFuture<CheckoutAnswer> answer = new CompletableFuture<>();
        openQueries.put(queryId, answer);
        return answer;
    }

    /** Closes an unanswered query (timeout), so a late answer is rejected like on Telegram. */
    public void expire(String queryId) {
        openQueries.remove(queryId);
    }

    /** Returns false when the query is unknown, already answered or expired. */
    public boolean answer(String queryId, CheckoutAnswer answer) {
        CompletableFuture<CheckoutAnswer> query = openQueries.remove(queryId);
        return query != null && query.complete(answer);
    }

    public String newCharge(long userId, long amount) {
        String chargeId = "stxEMU" + UUID.randomUUID().toString().replace("-", "");
        charges.put(chargeId, new Charge(userId, amount));
        return chargeId;
    }

    public boolean isRefunded(String chargeId) {
        return Optional.ofNullable(charges.get(chargeId)).map(charge -> {
            synchronized (charge) {
                return charge.refunded;
            }
        }).orElse(false);
    }

    /** refundStarPayment: fails with Telegram's errors for unknown and already refunded charges. */
    public void refund(long userId, String chargeId) {
        Charge charge = charges.get(chargeId);
        if (charge == null || charge.userId != userId) {
            throw ApiError.badRequest("CHARGE_NOT_FOUND");
        }
        synchronized (charge) {
            if (charge.refunded) {
                throw ApiError.badRequest("CHARGE_ALREADY_REFUNDED");
            }
            charge.refunded = true;
        }
    }
}
