package org.luvhive.drill;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.luvhive.drill.run.Drill;
import org.luvhive.drill.runbook.Runbook;

/**
 * {@code scripts/drill NAME...|all}: runs drills one after the other, each in its own world,
 * and exits 0 when all passed, 1 when one failed, 2 for an unknown name (nothing run).
 */
public final class DrillMain {

    private DrillMain() {
    }

    public static void main(String[] args) {
        // before anything logs: stdout is the drills' lines, the logs go to stderr
        System.setProperty("logback.configurationFile", "org/luvhive/drill/drill-logback.xml");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Drills drills = new Drills(Runbook.current());
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("--list")) {
            PrintStream stream = args.length == 0 ? err : out;
            stream.println("usage: scripts/drill NAME...|all");
            drills.all().forEach(drill -> stream.println("  " + drill.name() + "  (RUNBOOK.md: " + drill.section() + ")"));
            return args.length == 0 ? 2 : 0;
        }
        List<Drill> chosen = new ArrayList<>();
        for (String name : args) {
            if (name.equals("all")) {
                chosen.addAll(drills.all());
                continue;
            }
            Optional<Drill> drill = drills.named(name);
            if (drill.isEmpty()) {
                err.println("drill: no drill named '" + name + "' (nothing was run); see scripts/drill --list");
                return 2;
            }
            chosen.add(drill.get());
        }
        boolean passed = true;
        for (Drill drill : chosen) {
            passed &= drills.run(drill, out).passed();
        }
        return passed ? 0 : 1;
    }
}
