package org.luvhive.layeringfixture.beta;

/** A broken CLI layering for CliLayeringTest: a command another command uses. */
public final class FixtureBetaCommand {

    public int jobs() {
        return 1;
    }
}
