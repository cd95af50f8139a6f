package org.luvhive.cli.support;

import picocli.CommandLine.Option;

/** The shared {@code --json} option: machine-readable output on stdout, nothing else there. */
public final class JsonOption {

    @Option(names = "--json", description = "Print JSON instead of text (stable field names, for scripts).")
    boolean json;

    public boolean enabled() {
        return json;
    }
}
