package org.luvhive.core.premium;

/** Premium for {@code days} days at {@code stars} Telegram Stars (XTR). Immutable. */
public record PremiumPack(int days, int stars) {

    public PremiumPack {
        if (days <= 0 || stars <= 0) {
            throw new IllegalArgumentException("a premium pack needs positive days and stars: " + days + ":" + stars);
        }
    }

    /** The invoice payload: what was sold, to whom, at what price. */
    public String payload(long userId) {
        return "premium:" + days + ":" + stars + ":" + userId;
    }
}
