package org.luvhive.layeringfixture.support;

import org.luvhive.layeringfixture.beta.FixtureBetaCommand;

/** A broken CLI layering for CliLayeringTest: support reaching up into a command package. */
public final class FixtureSupport {

    public int jobs() {
        return new FixtureBetaCommand().jobs();
    }
}
