package org.luvhive.cli.doctor;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.luvhive.cli.support.CliContext;
import org.luvhive.cli.support.DocumentsExitCodes;
import org.luvhive.cli.support.ExitCode;
import org.luvhive.cli.support.JsonOption;
import org.luvhive.core.config.LuvhiveConfig;
import org.luvhive.core.db.Database;
import org.luvhive.core.ops.doctor.Doctor;
import org.luvhive.core.ops.doctor.DoctorInputs;
import org.luvhive.core.ops.doctor.Finding;
import org.luvhive.core.ops.doctor.RunbookSection;
import org.luvhive.core.ops.doctor.Verdict;
import org.luvhive.core.telegram.TelegramGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luvhive doctor}: the on-call engineer's first checks as one checklist ({@link Doctor}). */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        header = "Run the first checks of an incident: a checklist of OK/WARN/FAIL, each failure naming the RUNBOOK.md"
                + " section to read.",
        description = "Checks, in order: configuration; database reachable and migrated; Telegram reachable with "
                + "the token (getMe); the webhook Telegram has against the run mode the bots follow; bots "
                + "reporting; alerts firing; the newest backup's age; disk space for backups; pg_dump's version. "
                + "A check that needs one that failed is SKIP.")
public final class DoctorCommand implements Callable<Integer>, DocumentsExitCodes {

    private final CliContext context;

    @Mixin
    JsonOption json;

    DoctorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public List<ExitCode> exitCodes() {
        return List.of(ExitCode.OK, ExitCode.DOCTOR_FAILED, ExitCode.DOCTOR_WARNINGS);
    }

    @Override
    public Integer call() {
        List<Finding> findings = new Doctor().examine(new ContextInputs(context));
        ExitCode outcome = findings.stream().anyMatch(finding -> finding.verdict() == Verdict.FAIL)
                ? ExitCode.DOCTOR_FAILED
                : findings.stream().anyMatch(finding -> finding.verdict() == Verdict.WARN)
                        ? ExitCode.DOCTOR_WARNINGS : ExitCode.OK;
        if (json.enabled()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", outcome == ExitCode.DOCTOR_FAILED ? "FAIL" : outcome == ExitCode.OK ? "OK" : "WARN");
            out.put("exit_code", outcome.code());
            out.put("checks", findings.stream().map(finding -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("check", finding.check());
                row.put("verdict", finding.verdict().name());
                row.put("detail", finding.detail());
                row.put("runbook", finding.read().map(RunbookSection::heading).orElse(null));
                return row;
            }).toList());
            context.out().println(context.json().render(out));
        } else {
            print(findings);
        }
        return outcome.code();
    }

    private void print(List<Finding> findings) {
        int width = findings.stream().mapToInt(finding -> finding.check().length()).max().orElse(10);
        for (Finding finding : findings) {
            context.out().printf("%-4s  %-" + width + "s  %s%s%n", finding.verdict(), finding.check(),
                    finding.detail(), finding.read().filter(ignored -> finding.verdict() != Verdict.OK)
                            .map(section -> "  -> read " + section.reference()).orElse(""));
        }
        Map<Verdict, Long> counts = new LinkedHashMap<>();
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, findings.stream().filter(finding -> finding.verdict() == verdict).count());
        }
        context.out().printf("%d OK, %d WARN, %d FAIL, %d SKIP%n", counts.get(Verdict.OK), counts.get(Verdict.WARN),
                counts.get(Verdict.FAIL), counts.get(Verdict.SKIP));
    }

    /** The run's context as the doctor sees it: each part made on first use, failures reported by the doctor. */
    private record ContextInputs(CliContext context) implements DoctorInputs {

        @Override
        public LuvhiveConfig config() {
            return context.config();
        }

        @Override
        public Database database() {
            return context.database();
        }

        @Override
        public TelegramGateway telegram() {
            return context.telegram();
        }

        @Override
        public Map<String, String> environment() {
            return context.environment();
        }

        @Override
        public Clock clock() {
            return context.clock();
        }
    }
}
