package org.luvhive.core.ops.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The certificate an https webhook URL presents, as Telegram would see it. Immutable.
 *
 * @param subject  the leaf certificate's subject
 * @param issuer   who issued it
 * @param names    the DNS names and IP addresses it is valid for (subject alternative names)
 * @param notAfter when it expires
 * @param daysLeft whole days until then (negative once expired)
 * @param problem  why a client would refuse it (untrusted chain, another name, expired); empty when trusted
 */
public record TlsReport(String subject, String issuer, List<String> names, Instant notAfter, long daysLeft,
                        Optional<String> problem) {

    /** Fewer days than this left is a warning: renewal has failed somewhere. */
    public static final int WARN_DAYS = 14;

    public TlsReport {
        names = List.copyOf(names);
    }

    public boolean trusted() {
        return problem.isEmpty();
    }

    public boolean expiresSoon() {
        return daysLeft < WARN_DAYS;
    }
}
