package org.luvhive.core.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a LuvHive process names itself where several may run: {@code host:pid}. Bot
 * instances use it for their alert state, their pool report and their sessions'
 * {@code application_name}; the CLI for its own sessions. Stateless.
 */
public final class InstanceName {

    private InstanceName() {
    }

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    /** This process: the host's name (or {@code localhost} when it has none) and the pid. */
    public static String ofThisProcess() {
        return hostName() + ":" + ProcessHandle.current().pid();
    }

    /** The kernel's host name where Linux tells it (no DNS lookup, which can hang), else the JDK's. */
    private static String hostName() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | SecurityException notLinux) {
            // ask the JDK
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "localhost";
        }
    }
}
