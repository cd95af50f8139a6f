package org.luvhive.core;

/**
 * Root of every exception LuvHive raises on purpose. Subclasses are named for what
 * failed, so that callers (the CLI's exit codes above all) can tell failures apart.
 * Messages are written for operators: one line, what failed and what to do, and never
 * a secret.
 */
public class LuvhiveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LuvhiveException(String message) {
        super(message);
    }

    public LuvhiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
