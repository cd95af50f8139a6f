package org.luvhive.drill.chaos;

import java.io.PrintStream;

/**
 * {@code scripts/chaos [--minutes N] [--pairs P]}: the adversarial run ({@link ChaosRun});
 * progress on stderr, one JSON line on stdout; exit 0 when every goal was met, 1 when one
 * was missed, 2 for a bad option (nothing run).
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) {
        // before anything logs: stdout is the JSON line, the logs go to stderr
        System.setProperty("logback.configurationFile", "org/luvhive/drill/drill-logback.xml");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args);
        } catch (IllegalArgumentException bad) {
            err.println("chaos: " + bad.getMessage());
            return 2;
        }
        ChaosReport report = new ChaosRun(options, line -> err.println("chaos: " + line)).run();
        out.println(report.json());
        return report.passed() ? 0 : 1;
    }
}
