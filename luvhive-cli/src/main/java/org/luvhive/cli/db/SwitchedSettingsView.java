package org.luvhive.cli.db;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.luvhive.core.ops.RuntimeSettings;

/**
 * What {@code switch-database} says about the runtime settings the bots follow once moved:
 * those stored in the new database (a restore's are as of its backup), and where they
 * differ from the old database's, each with the command that sets the old value again;
 * after a loss the old ones are unknown, and it says so.
 */
final class SwitchedSettingsView {

    private SwitchedSettingsView() {
    }

    static void print(PrintWriter out, PrintWriter err, String target, RuntimeSettings now, String previousName,
                      Optional<RuntimeSettings> previous) {
        out.printf("The bots follow the runtime settings stored in '%s' (a restored database's as of its backup):%n",
                target);
        for (RuntimeSettings.Setting setting : now.settings()) {
            out.printf(Locale.ROOT, "  %-15s %-9s %s%n", setting.name(), setting.value(), setting.stored()
                    .map(row -> "set " + DbText.time(row.updatedAt()) + " by " + row.updatedBy())
                    .orElse("default (none stored)"));
        }
        if (previous.isEmpty()) {
            out.printf("The settings of '%s' are not known here (it is gone): if they changed after the backup, set "
                    + "them again (luvhive set-limits --profile, luvhive switch-mode, luvhive moderation strictness).%n",
                    previousName);
            return;
        }
        List<RuntimeSettings.Setting> differing = now.differentIn(previous.get());
        for (RuntimeSettings.Setting before : differing) {
            String after = now.settings().stream().filter(setting -> setting.name().equals(before.name()))
                    .map(RuntimeSettings.Setting::value).findFirst().orElse("?");
            err.printf("luvhive: warning: %s is %s in '%s', was %s in '%s'; to keep the old one: %s%n", before.name(),
                    after, target, before.value(), previousName, before.fix());
        }
        if (differing.isEmpty()) {
            out.printf("They are those of '%s' before the switch.%n", previousName);
        }
    }
}
