package org.luvhive.core.match;

import java.util.Arrays;
import org.luvhive.core.user.UserProfile;

/**
 * Whom an adult may be matched with by age: the one place the bands are defined (README,
 * "Media, age and unsend", shows the same table). Two users of ages {@code a <= b} may meet
 * when {@code b} is at most the oldest partner of {@code a}'s band:
 * <pre>
 *   younger one's age   oldest partner
 *   18-20               23
 *   21-23               27
 *   24-27               32
 *   28-32               39
 *   33-39               49
 *   40-49               62
 *   50-99               99
 * </pre>
 * The rule is symmetric (it looks only at the younger one), so each age has one interval of
 * partners ({@link #youngestPartner}, {@link #oldestPartner}): an 18-year-old meets 18-23,
 * a 23-year-old 18-27, a 24-year-old 21-32. Two users who both turned on "wider age range"
 * may meet any adult; one alone changes nothing. Nobody under 18 is matched at all. Stateless;
 * thread-safe.
 */
public final class AgeBands {

    public static final int ADULT = UserProfile.MINIMUM_AGE;
    public static final int OLDEST = UserProfile.MAXIMUM_AGE;

    /** Band start ages and the oldest partner of each band, in order. */
    private static final int[] BAND_FROM = {ADULT, 21, 24, 28, 33, 40, 50};
    private static final int[] BAND_OLDEST = {23, 27, 32, 39, 49, 62, OLDEST};

    /** Both computed once; handed out as copies. */
    private static final int[] YOUNGEST_BY_AGE = byAge(true);
    private static final int[] OLDEST_BY_AGE = byAge(false);

    private AgeBands() {
    }

    /** The oldest partner of someone {@code age} (an adult age). */
    public static int oldestPartner(int age) {
        requireAdult(age);
        int band = 0;
        while (band + 1 < BAND_FROM.length && BAND_FROM[band + 1] <= age) {
            band++;
        }
        return BAND_OLDEST[band];
    }

    /** The youngest partner of someone {@code age}: the youngest whose band reaches up to {@code age}. */
    public static int youngestPartner(int age) {
        requireAdult(age);
        int youngest = ADULT;
        while (oldestPartner(youngest) < age) {
            youngest++;
        }
        return youngest;
    }

    /** Whether two adults of these ages may be matched without both widening the range. */
    public static boolean withinBand(int first, int second) {
        return Math.max(first, second) <= oldestPartner(Math.min(first, second));
    }

    /**
     * {@link #youngestPartner} of every age from 18 to 99, in order, for the pairing query
     * (a PostgreSQL array, indexed from 1 at age 18). A fresh copy.
     */
    public static int[] youngestByAge() {
        return YOUNGEST_BY_AGE.clone();
    }

    /** {@link #oldestPartner} of every age from 18 to 99, like {@link #youngestByAge}. */
    public static int[] oldestByAge() {
        return OLDEST_BY_AGE.clone();
    }

    private static int[] byAge(boolean youngest) {
        int[] partners = new int[OLDEST - ADULT + 1];
        Arrays.setAll(partners, index -> youngest ? youngestPartner(ADULT + index) : oldestPartner(ADULT + index));
        return partners;
    }

    private static void requireAdult(int age) {
        if (age < ADULT || age > OLDEST) {
            throw new IllegalArgumentException("not an adult age: " + age);
        }
    }
}
