package org.luvhive.core.user.internal;

import org.luvhive.core.user.UserProfile;

/**
 * Reads an age a user typed. Stateless; thread-safe.
 */
public final class Ages {

    public static final int MINIMUM = UserProfile.MINIMUM_AGE;
    public static final int MAXIMUM = UserProfile.MAXIMUM_AGE;

    private Ages() {
    }

    /** The age, or -1 with {@link #problem(String)} saying why not. */
    public static int parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (!text.matches("\\d{1,3}")) {
            return -1;
        }
        int age = Integer.parseInt(text);
        return age >= MINIMUM && age <= MAXIMUM ? age : -1;
    }

    /** Whether the text is an age under {@link #MINIMUM}: such a user is never matched. */
    public static boolean isMinor(String typed) {
        String text = typed == null ? "" : typed.strip();
        return text.matches("\\d{1,3}") && Integer.parseInt(text) < MINIMUM;
    }

    /**
     * The text key of what to tell the user when {@link #parse} refused their answer (its
     * placeholders are {@link #MINIMUM} and {@link #MAXIMUM}).
     */
    public static String problem(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (!text.matches("\\d{1,3}")) {
            return "age.not_a_number";
        }
        int age = Integer.parseInt(text);
        if (age < MINIMUM) {
            return "age.minor";
        }
        return "age.out_of_range";
    }
}
