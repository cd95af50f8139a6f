package org.luvhive.core.config;

import java.util.regex.Pattern;

/**
 * The database names LuvHive takes wherever an operator gives one ({@code EMBEDDED_DATABASE},
 * {@code backup restore --target}, {@code switch-database}): plain PostgreSQL names, which
 * need no quoting in SQL or in a connection URL. Stateless.
 */
public final class DatabaseNames {

    /** The rule, as an error message states it. */
    public static final String RULE = "1-63 of a-z 0-9 _, starting with a letter or _";

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseNames() {
    }

    public static boolean isPlain(String name) {
        return name != null && PLAIN.matcher(name).matches();
    }
}
