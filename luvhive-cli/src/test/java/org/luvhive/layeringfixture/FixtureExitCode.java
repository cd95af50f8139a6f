package org.luvhive.layeringfixture;

/** A broken CLI layering for CliLayeringTest: an exit code in the root package, which commands then use (a cycle). */
public enum FixtureExitCode {
    OK
}
