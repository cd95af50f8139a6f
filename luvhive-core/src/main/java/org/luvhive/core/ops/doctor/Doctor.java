package org.luvhive.core.ops.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.luvhive.core.config.ConfigException;
import org.luvhive.core.config.EnvFile;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;
import org.luvhive.core.db.DatabaseMissingException;
import org.luvhive.core.db.DatabaseUnavailableException;
import org.luvhive.core.ops.alerts.Alert;
import org.luvhive.core.ops.alerts.AlertState;
import org.luvhive.core.ops.alerts.AlertStatus;
import org.luvhive.core.ops.alerts.StatusReport;

/**
 * The checks an on-call engineer runs first, in the order they depend on each other:
 * configuration, database (reachable and migrated), Telegram (the token), the webhook
 * against the run mode, bots reporting, alerts firing, the newest backup's age, disk
 * space for backups, pg_dump. A check that cannot run because one it needs failed is
 * SKIP. Every finding that is not OK names the runbook section to read. Not thread-safe:
 * one examination at a time.
 */
public final class Doctor {

    public List<Finding> examine(DoctorInputs inputs) {
        List<Finding> findings = new ArrayList<>();
        Optional<LuvhiveConfig> config = configuration(inputs, findings);
        if (config.isEmpty()) {
            for (String check : List.of("database", "telegram", "webhook", "bots", "alerts", "backup age",
                    "backup disk", "pg_dump")) {
                findings.add(Finding.skip(check, "the configuration is invalid"));
            }
            return findings;
        }
        Optional<Database> database = database(inputs, findings);
        TelegramChecks telegram = new TelegramChecks(inputs, config.get());
        boolean telegramAnswers = telegram.token(findings);
        telegram.webhook(database, telegramAnswers, findings);
        bots(database, inputs, findings);
        BackupChecks backups = new BackupChecks(inputs, config.get());
        backups.age(findings);
        backups.disk(findings);
        backups.pgDump(database, findings);
        return findings;
    }

    private static Optional<LuvhiveConfig> configuration(DoctorInputs inputs, List<Finding> findings) {
        LuvhiveConfig config;
        try {
            config = inputs.config();
        } catch (ConfigException invalid) {
            findings.add(Finding.fail("configuration", String.join("; ", invalid.problems()),
                    RunbookSection.CONFIGURATION_INVALID));
            return Optional.empty();
        }
        String where = config.envFile().map(file -> "env file " + file).orElse("no env file");
        String detail = where + "; database " + config.databaseUrl().map(url -> url.masked()).orElse("embedded")
                + "; RUN_MODE " + config.runMode().label();
        Optional<String> exposed = config.envFile().flatMap(EnvFile::exposure);
        findings.add(exposed.map(warning -> Finding.warn("configuration", warning, RunbookSection.CONFIGURATION_INVALID))
                .orElse(Finding.ok("configuration", detail)));
        return Optional.of(config);
    }

    private static Optional<Database> database(DoctorInputs inputs, List<Finding> findings) {
        Database database;
        long started = System.nanoTime();
        try {
            database = inputs.database();
            String version = database.jdbi().withHandle(handle ->
                    handle.createQuery("select current_setting('server_version')").mapTo(String.class).one());
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            int pending = database.migrations().pendingCount();
            if (pending > 0) {
                findings.add(Finding.fail("database", "reachable (PostgreSQL " + version + "), but " + pending
                        + " migration(s) pending: run 'luvhive db migrate'", RunbookSection.DATABASE_CONNECTION_FAILED));
            } else {
                findings.add(Finding.ok("database", database.url().masked() + " answers (PostgreSQL " + version
                        + ", " + millis + " ms), schema up to date"));
            }
            return Optional.of(database);
        } catch (DatabaseMissingException gone) {
            findings.add(Finding.fail("database", gone.getMessage(), RunbookSection.DATABASE_RECOVERY));
            return Optional.empty();
        } catch (DatabaseUnavailableException | IllegalStateException unreachable) {
            findings.add(Finding.fail("database", unreachable.getMessage(), RunbookSection.DATABASE_CONNECTION_FAILED));
            return Optional.empty();
        } catch (RuntimeException failing) {
            findings.add(Finding.fail("database", "connected, but a query failed: " + failing.getMessage(),
                    RunbookSection.DATABASE_CONNECTION_FAILED));
            return Optional.empty();
        }
    }

    private static void bots(Optional<Database> database, DoctorInputs inputs, List<Finding> findings) {
        if (database.isEmpty()) {
            findings.add(Finding.skip("bots", "the database is unreachable"));
            findings.add(Finding.skip("alerts", "the database is unreachable"));
            return;
        }
        StatusReport report = StatusReport.read(database.get().jdbi(), inputs.clock());
        List<StatusReport.InstanceAlerts> running = report.instances().stream().filter(i -> !i.stale()).toList();
        List<StatusReport.InstanceAlerts> stale = report.instances().stream().filter(StatusReport.InstanceAlerts::stale)
                .toList();
        String names = String.join(", ", running.stream().map(StatusReport.InstanceAlerts::instance).toList());
        if (running.isEmpty()) {
            findings.add(Finding.fail("bots", "no bot instance reported in the last minute"
                    + (stale.isEmpty() ? "" : " (" + stale.size() + " stale: "
                    + String.join(", ", stale.stream().map(StatusReport.InstanceAlerts::instance).toList()) + ")"),
                    RunbookSection.NO_BOT_REPORTING));
            findings.add(Finding.skip("alerts", "no bot reports its alerts"));
            return;
        }
        if (!stale.isEmpty()) {
            findings.add(Finding.warn("bots", running.size() + " reporting (" + names + "), " + stale.size()
                    + " stale: " + String.join(", ", stale.stream().map(StatusReport.InstanceAlerts::instance).toList())
                    + " (died or cannot reach the database)", RunbookSection.NO_BOT_REPORTING));
        } else {
            findings.add(Finding.ok("bots", running.size() + " reporting: " + names));
        }
        List<AlertStatus> firing = running.stream().flatMap(instance -> instance.alerts().stream())
                .filter(alert -> alert.state() == AlertState.FIRING).toList();
        if (firing.isEmpty()) {
            findings.add(Finding.ok("alerts", "none firing"));
        }
        for (AlertStatus alert : firing) {
            findings.add(new Finding("alert " + alert.alert(), Verdict.FAIL, describe(alert),
                    RunbookSection.forAlert(alert.alert()).or(() -> Optional.of(RunbookSection.HANDLER_ERRORS))));
        }
    }

    private static String describe(AlertStatus alert) {
        Optional<Alert> known = Alert.byLabel(alert.alert());
        String value = alert.value().isPresent()
                ? known.map(a -> a.unit().format(alert.value().getAsDouble()))
                        .orElse(String.valueOf(alert.value().getAsDouble()))
                : "no data";
        String threshold = known.map(a -> a.unit().format(alert.threshold())).orElse(String.valueOf(alert.threshold()));
        return "FIRING on " + alert.instance() + " since " + alert.since() + ": " + value + " > " + threshold;
    }
}
