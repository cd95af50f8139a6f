package org.luvhive.core.moderation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Handle;
import org.luvhive.core.db.CommitHooks;
import org.luvhive.core.delivery.ViolationsLog;
import org.luvhive.core.moderation.internal.DecisionDao;

/**
 * Records every moderation decision twice: a row of {@code moderation_decisions} in the
 * caller's transaction, and, once that commits, a JSON line in {@code violations.log}
 * ({@code "kind":"moderation"}) and a count in {@value #METER}. Never the text beyond the
 * redacted excerpt. Thread-safe.
 */
public final class ModerationJournal {

    /** Decisions by action: {@code luvhive_moderation_decisions_total{action}}. */
    public static final String METER = "luvhive.moderation.decisions";

    private final ViolationsLog log;
    private final MeterRegistry registry;

    public ModerationJournal(ViolationsLog log, MeterRegistry registry) {
        this.log = log;
        this.registry = registry;
    }

    /** Stores the decision and returns its id; the log line and the count follow the commit. */
    public long record(Handle handle, DecisionEntry entry) {
        long id = handle.attach(DecisionDao.class).insert(entry.userId(), entry.chatId(), entry.action().code(),
                entry.rules().toArray(String[]::new), entry.kinds().toArray(String[]::new),
                entry.level() == null ? null : entry.level().code(), entry.strike(), entry.until(), entry.excerpt(),
                entry.decidedBy(), entry.caseId(), entry.at());
        CommitHooks.afterCommit(handle, () -> {
            Counter.builder(METER).tag("action", entry.action().code()).register(registry).increment();
            log.event("moderation", entry.at(), json -> {
                json.put("decision", id).put("action", entry.action().code()).put("user", entry.userId());
                if (entry.chatId() != null) {
                    json.put("chat", entry.chatId());
                }
                entry.rules().forEach(json.putArray("rules")::add);
                entry.kinds().forEach(json.putArray("rule_kinds")::add);
                if (entry.level() != null) {
                    json.put("level", entry.level().code());
                }
                json.put("strike", entry.strike());
                if (entry.until() != null) {
                    json.put("until", entry.until().toString());
                }
                if (entry.excerpt() != null) {
                    json.put("excerpt", entry.excerpt());
                }
                if (entry.decidedBy() != null) {
                    json.put("by", entry.decidedBy());
                }
                if (entry.caseId() != null) {
                    json.put("case", entry.caseId());
                }
            });
        });
        return id;
    }
}
