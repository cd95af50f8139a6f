package org.luvhive.core.backup.internal;

import java.util.List;
import java.util.Optional;
import org.luvhive.core.config.DatabaseUrl;
import org.luvhive.core.config.Secret;

/**
 * Replaces known secrets in text that leaves the process (child stderr, log lines,
 * messages). A second line of defence: nothing is meant to print a password in the
 * first place. Immutable and thread-safe.
 */
public final class Redactor {

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    public static Redactor forUrl(Optional<DatabaseUrl> url) {
        return new Redactor(url.flatMap(DatabaseUrl::password).map(Secret::reveal)
                .filter(password -> !password.isEmpty()).map(List::of).orElse(List.of()));
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
