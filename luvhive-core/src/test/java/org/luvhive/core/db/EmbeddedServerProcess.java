package org.luvhive.core.db;

import java.nio.file.Path;

/** Runs an embedded server in a separate JVM for {@link EmbeddedPostgresServerTest}; stops when stdin closes. */
public final class EmbeddedServerProcess {

    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(Path.of(args[0]), "luvhive")) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
