package org.luvhive.cli.support;

import java.util.Map;

/** Who is running the CLI, for the "updated by" of settings and audit lines. */
public final class Operator {

    private Operator() {
    }

    /** {@code $SUDO_USER} (the person behind sudo), else {@code $USER}, else {@code cli}; with "@cli". */
    public static String name(Map<String, String> environment) {
        String user = environment.getOrDefault("SUDO_USER", environment.get("USER"));
        return (user == null || user.isBlank() ? "unknown" : user.strip()) + "@cli";
    }
}
