package org.luvhive.core.ops.doctor;

import java.util.Optional;

/**
 * The sections of RUNBOOK.md a finding sends the reader to, by their heading (a test keeps
 * every heading here present in RUNBOOK.md). Immutable.
 */
public enum RunbookSection {
    FLOODWAIT_SPIKE("FloodWait spike"),
    DATABASE_CPU("Database 100% CPU"),
    WEBHOOK_5XX("Webhook 5xx"),
    HIGH_MEMORY("High memory"),
    BACKUP_FAILURE("Backup failure"),
    DATABASE_RECOVERY("Complete database recovery"),
    TOKEN_COMPROMISE("Bot token compromise"),
    ABUSE("High abuse/spam reports"),
    CONFIGURATION_INVALID("Configuration invalid"),
    DATABASE_CONNECTION_FAILED("Database connection failed"),
    WEBHOOK_VALIDATION_FAILED("Webhook validation failed"),
    TELEGRAM_UNREACHABLE("Telegram unreachable"),
    NO_BOT_REPORTING("No bot reporting"),
    HANDLER_ERRORS("Handler errors"),
    HIGH_CPU("High CPU"),
    QUARANTINED_UPDATES("Quarantined updates");

    private final String heading;

    RunbookSection(String heading) {
        this.heading = heading;
    }

    /** The heading's text in RUNBOOK.md, without the leading {@code #}s. */
    public String heading() {
        return heading;
    }

    /** How a finding names it: {@code RUNBOOK.md: Webhook 5xx}. */
    public String reference() {
        return "RUNBOOK.md: " + heading;
    }

    /** The section about a runbook alert, by the alert's label ({@code floodwait}, {@code db_p95}, ...). */
    public static Optional<RunbookSection> forAlert(String alert) {
        return Optional.ofNullable(switch (alert) {
            case "floodwait", "queue_depth" -> FLOODWAIT_SPIKE;
            case "db_p95" -> DATABASE_CPU;
            case "memory" -> HIGH_MEMORY;
            case "cpu" -> HIGH_CPU;
            case "error_rate" -> HANDLER_ERRORS;
            case "quarantine" -> QUARANTINED_UPDATES;
            default -> null;
        });
    }
}
