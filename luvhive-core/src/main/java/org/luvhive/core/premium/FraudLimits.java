package org.luvhive.core.premium;

import java.util.ArrayList;
import java.util.List;

/**
 * The payment fraud limits pre-checkout enforces, per user: payments in the last hour,
 * payments in the last 5 minutes, and refused pre-checkouts in the last hour. Immutable.
 *
 * @param perHour       payments a user may make in an hour
 * @param perFiveMinutes payments a user may make in 5 minutes
 * @param refusedPerHour refused pre-checkouts after which a user must wait out the hour
 */
public record FraudLimits(int perHour, int perFiveMinutes, int refusedPerHour) {

    /** The old bot's limits: 5 an hour, 3 in 5 minutes, 3 refusals an hour. */
    public static final FraudLimits DEFAULTS = new FraudLimits(5, 3, 3);
    public static final int CEILING = 1000;

    public FraudLimits {
        List<String> problems = problems(perHour, perFiveMinutes, refusedPerHour);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Why these values cannot be limits (empty when they can). */
    public static List<String> problems(int perHour, int perFiveMinutes, int refusedPerHour) {
        List<String> problems = new ArrayList<>();
        check(problems, "payments per hour", perHour);
        check(problems, "payments per 5 minutes", perFiveMinutes);
        check(problems, "refused pre-checkouts per hour", refusedPerHour);
        if (perFiveMinutes > perHour) {
            problems.add("payments per 5 minutes (" + perFiveMinutes + ") cannot exceed payments per hour ("
                    + perHour + ")");
        }
        return problems;
    }

    public String describe() {
        return perHour + " payments an hour, " + perFiveMinutes + " in 5 minutes, " + refusedPerHour
                + " refused pre-checkouts an hour";
    }

    private static void check(List<String> problems, String name, int value) {
        if (value < 1 || value > CEILING) {
            problems.add(name + " must be 1 to " + CEILING + ", not " + value);
        }
    }
}
