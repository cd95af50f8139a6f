package org.luvhive.core.premium;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.luvhive.core.moderation.Moderation;
import org.luvhive.core.premium.internal.PaymentDao;
import org.luvhive.core.telegram.TelegramCallException;
import org.luvhive.core.telegram.TelegramFailure;
import org.luvhive.core.update.UpdateContext;
import org.luvhive.core.update.UpdateHandler;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;

/**
 * Answers a pre-checkout query at once (Telegram allows 10 s), directly rather than
 * through the outbox: ok only when the payload names a pack on sale (or a paid boost) at the price paid, in
 * XTR, for the paying user, who is not banned and within the live fraud limits (by
 * default 5 payments an hour, 3 in 5 minutes, 3 refused checkouts an hour). A refusal is
 * recorded with its reason's code and answered with a message that says what to do; an
 * invoice paid from another account counts towards the shared-invoice signal. An answer
 * Telegram no longer takes (400 "query is too old and response timeout expired or query
 * ID is invalid": the 10 s had passed, after a restart or a backlog) is logged and the
 * update counts as handled: the payer's checkout has already failed on their side, and
 * retrying the answer can only fail again, into the dead letters and the error alert.
 * Thread-safe.
 */
public final class PreCheckoutHandler implements UpdateHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PreCheckoutHandler.class);

    private final PremiumCatalog catalog;
    private final Moderation moderation;
    private final FraudLimitsSettings limits;
    private final PaymentSignals signals;
    private final int boostStars;

    /** @param boostStars what a paid boost costs ({@code BOOST_PRICE}) */
    public PreCheckoutHandler(PremiumCatalog catalog, Moderation moderation, FraudLimitsSettings limits,
                              PaymentSignals signals, int boostStars) {
        this.boostStars = boostStars;
        this.catalog = catalog;
        this.moderation = moderation;
        this.limits = limits;
        this.signals = signals;
    }

    @Override
    public void handle(UpdateContext context) {
        PreCheckoutQuery query = context.update().getPreCheckoutQuery();
        FraudLimits current = limits.current();
        Optional<InvoicePayload> payload = InvoicePayload.parse(query.getInvoicePayload());
        Optional<CheckoutRefusal> refusal = refusal(context, query, payload, current);
        refusal.ifPresent(reason -> {
            Long invoiceUser = payload.map(InvoicePayload::userId).orElse(null);
            context.handle().attach(PaymentDao.class).recordRefusal(query.getFrom().getId(), context.now(),
                    reason.message(current), reason.code(), invoiceUser);
            if (invoiceUser != null && invoiceUser != query.getFrom().getId()) {
                signals.afterForeignInvoice(context.handle(), invoiceUser, context.now());
            }
        });
        AnswerPreCheckoutQuery.AnswerPreCheckoutQueryBuilder<?, ?> answer = AnswerPreCheckoutQuery.builder()
                .preCheckoutQueryId(query.getId()).ok(refusal.isEmpty());
        refusal.ifPresent(reason -> answer.errorMessage(payersMessage(context, reason, current)));
        try {
            context.callNow(answer.build());
        } catch (TelegramCallException late) {
            if (late.failure() != TelegramFailure.BAD_REQUEST) {
                throw late; // Telegram unreachable or busy: retried while the answer may still count
            }
            LOG.warn("Pre-checkout query of user {} could not be answered ({}): Telegram said \"{}\"; the payer "
                    + "saw the checkout fail", query.getFrom().getId(), refusal.isEmpty() ? "ok" : "refused",
                    late.description());
        }
    }

    /** What Telegram shows the payer, in their language (the record keeps the English of {@link CheckoutRefusal}). */
    private static String payersMessage(UpdateContext context, CheckoutRefusal reason, FraudLimits limits) {
        return switch (reason) {
            case INVALID_INVOICE -> context.text("checkout.invalid_invoice");
            case PRICE_CHANGED -> context.text("checkout.price_changed");
            case BANNED -> context.text("checkout.banned");
            case HOURLY_LIMIT -> context.text("checkout.limit_hour", limits.perHour());
            case FIVE_MINUTE_LIMIT -> context.text("checkout.limit_5_minutes", limits.perFiveMinutes());
            case REFUSED_LIMIT -> context.text("checkout.limit_refused");
        };
    }

    private Optional<CheckoutRefusal> refusal(UpdateContext context, PreCheckoutQuery query,
                                              Optional<InvoicePayload> payload, FraudLimits current) {
        long userId = query.getFrom().getId();
        Instant now = context.now();
        if (payload.isEmpty() || payload.get().userId() != userId || !"XTR".equals(query.getCurrency())) {
            return Optional.of(CheckoutRefusal.INVALID_INVOICE);
        }
        int price = payload.get().isBoost() ? boostStars
                : catalog.forDays(payload.get().days()).map(PremiumPack::stars).orElse(-1);
        if (price != payload.get().stars() || query.getTotalAmount() == null || query.getTotalAmount() != price) {
            return Optional.of(CheckoutRefusal.PRICE_CHANGED);
        }
        if (moderation.isBanned(context.handle(), userId, now)) {
            return Optional.of(CheckoutRefusal.BANNED);
        }
        PaymentDao payments = context.handle().attach(PaymentDao.class);
        if (payments.countPaymentsSince(userId, now.minus(Duration.ofMinutes(5))) >= current.perFiveMinutes()) {
            return Optional.of(CheckoutRefusal.FIVE_MINUTE_LIMIT);
        }
        if (payments.countPaymentsSince(userId, now.minus(Duration.ofHours(1))) >= current.perHour()) {
            return Optional.of(CheckoutRefusal.HOURLY_LIMIT);
        }
        if (payments.countRefusalsSince(userId, now.minus(Duration.ofHours(1))) >= current.refusedPerHour()) {
            return Optional.of(CheckoutRefusal.REFUSED_LIMIT);
        }
        return Optional.empty();
    }
}
