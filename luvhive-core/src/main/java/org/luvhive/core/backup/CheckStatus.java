package org.luvhive.core.backup;

/** A monitoring verdict, with the Nagios plugin exit code for it. */
public enum CheckStatus {
    OK(0), WARNING(1), CRITICAL(2), UNKNOWN(3);

    private final int nagiosCode;

    CheckStatus(int nagiosCode) {
        this.nagiosCode = nagiosCode;
    }

    public int nagiosCode() {
        return nagiosCode;
    }

    public CheckStatus worst(CheckStatus other) {
        return other.nagiosCode > nagiosCode ? other : this;
    }
}
