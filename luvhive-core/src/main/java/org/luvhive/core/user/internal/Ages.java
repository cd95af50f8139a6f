package org.luvhive.core.user.internal;

/**
 * Reads an age a user typed. Stateless; thread-safe.
 */
public final class Ages {

    public static final int MINIMUM = 18;
    public static final int MAXIMUM = 99;

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

    /** What to tell the user when {@link #parse} refused their answer. */
    public static String problem(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (!text.matches("\\d{1,3}")) {
            return "Please send your age as a number, for example 24.";
        }
        int age = Integer.parseInt(text);
        if (age < MINIMUM) {
            return "LuvHive is for adults only (18+). If that was a typo, send your real age.";
        }
        return "Please send a real age between " + MINIMUM + " and " + MAXIMUM + ".";
    }
}
