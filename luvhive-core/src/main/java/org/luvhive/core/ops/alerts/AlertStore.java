package org.luvhive.core.ops.alerts;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;
import org.luvhive.core.RetentionStep;
import org.luvhive.core.ops.alerts.internal.AlertStateDao;
import org.luvhive.core.ops.alerts.internal.AlertStateRow;

/**
 * The {@code alert_state} table: each running instance's evaluator writes its alerts
 * there, {@code luvhive status} reads them. Thread-safe.
 */
public final class AlertStore {

    private final Jdbi jdbi;

    public AlertStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Upserts one instance's alerts in one transaction and forgets instances idle since {@code forgetBefore}. */
    public void save(List<AlertStatus> statuses, Instant forgetBefore) {
        jdbi.useTransaction(handle -> {
            AlertStateDao dao = handle.attach(AlertStateDao.class);
            for (AlertStatus status : statuses) {
                dao.upsert(status.instance(), status.alert(),
                        status.value().isPresent() ? status.value().getAsDouble() : null, status.threshold(),
                        status.state().label(), status.since(), status.updatedAt());
            }
            dao.deleteIdleSince(forgetBefore);
        });
    }

    /** Every stored alert of every instance, by instance and alert. */
    public List<AlertStatus> all() {
        return jdbi.withExtension(AlertStateDao.class, AlertStateDao::all).stream().map(AlertStore::status).toList();
    }

    /**
     * The rows of instances silent for {@link AlertEvaluator#FORGET_AFTER}, which the running
     * evaluators delete as they store (for {@code luvhive db cleanup}).
     */
    public RetentionStep idleStep() {
        return new RetentionStep("alert_states", "alert states of bot instances silent for "
                + RetentionStep.age(AlertEvaluator.FORGET_AFTER),
                now -> jdbi.withExtension(AlertStateDao.class,
                        dao -> dao.countIdleSince(now.minus(AlertEvaluator.FORGET_AFTER))),
                (now, limit) -> jdbi.withExtension(AlertStateDao.class,
                        dao -> dao.deleteIdleSince(now.minus(AlertEvaluator.FORGET_AFTER), limit)));
    }

    /** Removes an instance's rows (it stopped cleanly, so it is not shown as stale). */
    public void forget(String instance) {
        jdbi.useExtension(AlertStateDao.class, dao -> dao.deleteInstance(instance));
    }

    private static AlertStatus status(AlertStateRow row) {
        return new AlertStatus(row.instance(), row.alert(),
                row.value() == null ? OptionalDouble.empty() : OptionalDouble.of(row.value()), row.threshold(),
                AlertState.parse(row.state()), row.since(), row.updatedAt());
    }
}
