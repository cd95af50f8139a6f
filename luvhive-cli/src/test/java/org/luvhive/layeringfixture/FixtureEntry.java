package org.luvhive.layeringfixture;

import org.luvhive.layeringfixture.alpha.FixtureAlphaCommand;

/** A broken CLI layering for CliLayeringTest: the entry point of the fixture. */
public final class FixtureEntry {

    public int run() {
        return new FixtureAlphaCommand().call();
    }
}
