package org.luvhive.core.premium;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.premium.internal.PaymentDao;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;

/**
 * Answers a pre-checkout query at once (Telegram allows 10 s), directly rather than
 * through the outbox: ok only when the payload names a pack on sale at the price paid, in
 * XTR, for the paying user, who is not banned and within the fraud limits (5 payments an
 * hour, 3 in 5 minutes, 3 refused checkouts an hour). Thread-safe.
 */
public final class PreCheckoutHandler implements UpdateHandler {

    static final int MAX_PAYMENTS_PER_HOUR = 5;
    static final int MAX_PAYMENTS_PER_5_MINUTES = 3;
    static final int MAX_REFUSALS_PER_HOUR = 3;

    private final PremiumCatalog catalog;
    private final Moderation moderation;

    public PreCheckoutHandler(PremiumCatalog catalog, Moderation moderation) {
        this.catalog = catalog;
        this.moderation = moderation;
    }

    @Override
    public void handle(UpdateContext context) {
        PreCheckoutQuery query = context.update().getPreCheckoutQuery();
        Optional<String> refusal = refusal(context, query);
        PaymentDao payments = context.handle().attach(PaymentDao.class);
        refusal.ifPresent(reason -> payments.recordRefusal(query.getFrom().getId(), context.now(), reason));
        AnswerPreCheckoutQuery.AnswerPreCheckoutQueryBuilder<?, ?> answer = AnswerPreCheckoutQuery.builder()
                .preCheckoutQueryId(query.getId()).ok(refusal.isEmpty());
        refusal.ifPresent(answer::errorMessage);
        context.callNow(answer.build());
    }

    private Optional<String> refusal(UpdateContext context, PreCheckoutQuery query) {
        long userId = query.getFrom().getId();
        Instant now = context.now();
        Optional<InvoicePayload> payload = InvoicePayload.parse(query.getInvoicePayload());
        if (payload.isEmpty() || payload.get().userId() != userId || !"XTR".equals(query.getCurrency())) {
            return Optional.of("This invoice is not valid. Please open /premium and try again.");
        }
        Optional<PremiumPack> pack = catalog.forDays(payload.get().days());
        if (pack.isEmpty() || pack.get().stars() != payload.get().stars()
                || query.getTotalAmount() == null || query.getTotalAmount() != pack.get().stars()) {
            return Optional.of("Prices have changed. Please open /premium for the current offer.");
        }
        if (moderation.isBanned(context.handle(), userId, now)) {
            return Optional.of("Your account is banned, so it cannot buy premium.");
        }
        PaymentDao payments = context.handle().attach(PaymentDao.class);
        if (payments.countPaymentsSince(userId, now.minus(Duration.ofHours(1))) >= MAX_PAYMENTS_PER_HOUR
                || payments.countPaymentsSince(userId, now.minus(Duration.ofMinutes(5))) >= MAX_PAYMENTS_PER_5_MINUTES
                || payments.countRefusalsSince(userId, now.minus(Duration.ofHours(1))) >= MAX_REFUSALS_PER_HOUR) {
            return Optional.of("Too many payments in a short time. Please try again later.");
        }
        return Optional.empty();
    }
}
