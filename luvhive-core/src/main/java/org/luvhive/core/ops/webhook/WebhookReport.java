package org.luvhive.core.ops.webhook;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link WebhookProbe} found at a webhook URL: each request's answer and, for https,
 * the certificate. Immutable.
 */
public record WebhookReport(URI url, List<ProbeResult> requests, Optional<TlsReport> tls) {

    public WebhookReport {
        requests = List.copyOf(requests);
    }

    /** Every request answered as LuvHive's webhook answers it, and the certificate (if any) trusted. */
    public boolean ok() {
        return requests.stream().allMatch(ProbeResult::ok) && tls.map(TlsReport::trusted).orElse(true);
    }

    /** What is wrong, one sentence each; empty when {@link #ok()}. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        requests.stream().filter(request -> !request.ok()).forEach(request -> problems.add(request.verdict()));
        tls.flatMap(TlsReport::problem).ifPresent(problem -> problems.add("TLS: " + problem));
        return problems;
    }

    /** Not wrong yet, but soon: a certificate that expires within {@value TlsReport#WARN_DAYS} days. */
    public List<String> warnings() {
        return tls.filter(report -> report.trusted() && report.expiresSoon())
                .map(report -> List.of("TLS: the certificate expires in " + report.daysLeft() + " day(s), "
                        + report.notAfter()))
                .orElse(List.of());
    }
}
