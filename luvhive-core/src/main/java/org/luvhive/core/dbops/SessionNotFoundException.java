package org.luvhive.core.dbops;

import org.luvhive.core.LuvhiveException;

/** No server process has the pid an operator named (or it ended before the signal). */
public final class SessionNotFoundException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    public SessionNotFoundException(String message) {
        super(message);
    }
}
