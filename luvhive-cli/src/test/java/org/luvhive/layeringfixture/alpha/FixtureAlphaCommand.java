package org.luvhive.layeringfixture.alpha;

import org.luvhive.core.backup.internal.ConnectionBudget;
import org.luvhive.layeringfixture.FixtureExitCode;
import org.luvhive.layeringfixture.beta.FixtureBetaCommand;

/** A broken CLI layering for CliLayeringTest: a command using the root, another command and a core internal. */
public final class FixtureAlphaCommand {

    public int call() {
        ConnectionBudget.requireValid(new FixtureBetaCommand().jobs());
        return FixtureExitCode.OK.ordinal();
    }
}
