package org.luvhive.cli;

/**
 * Every exit code {@code luvhive} uses, in one place, so scripts can tell failures
 * apart. Listed in {@code luvhive --help} and README; a code's meaning never changes.
 * ({@code backup check} follows the Nagios convention instead: 0 OK, 1 WARNING,
 * 2 CRITICAL, 3 UNKNOWN.)
 */
public enum ExitCode {
    OK(0, "success"),
    FAILURE(1, "failure not covered below (see the message; --verbose for details)"),
    USAGE(2, "bad usage: unknown command or option, invalid value"),
    CONFIG_INVALID(3, "configuration invalid (environment or env file)"),
    DATABASE_UNAVAILABLE(4, "database unreachable or refused the login"),
    SCHEMA_OUTDATED(5, "database schema behind this version: run 'luvhive db migrate'");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The table printed at the end of {@code luvhive --help}. */
    public static String[] helpLines() {
        ExitCode[] codes = values();
        String[] lines = new String[codes.length];
        for (int index = 0; index < codes.length; index++) {
            lines[index] = String.format("  %3d  %s", codes[index].code, codes[index].meaning);
        }
        return lines;
    }
}
