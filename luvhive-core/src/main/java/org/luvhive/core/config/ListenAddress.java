package org.luvhive.core.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a listener binds: an IP address (never a name, so nothing is looked up) and a
 * port, 0 picking a free one. Immutable and thread-safe.
 *
 * @param address the local address to bind, {@code 0.0.0.0} or {@code ::} for every interface
 * @param port    0-65535
 */
public record ListenAddress(InetAddress address, int port) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public ListenAddress {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, not " + port);
        }
    }

    /**
     * An IPv4 or IPv6 literal, or {@code localhost} (the IPv4 loopback); anything else is
     * refused with a message for the configuration error.
     */
    public static InetAddress parseAddress(String raw) {
        if (raw.equalsIgnoreCase("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        String literal = raw.startsWith("[") && raw.endsWith("]") ? raw.substring(1, raw.length() - 1) : raw;
        boolean ipv4 = IPV4.matcher(literal).matches()
                && Arrays.stream(literal.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        if (!ipv4 && !literal.contains(":")) {
            throw notAnAddress(raw);
        }
        try {
            // brackets make the JDK parse an IPv6 literal or fail, never look a name up
            return InetAddress.getByName(ipv4 ? literal : "[" + literal + "]");
        } catch (UnknownHostException malformed) {
            throw notAnAddress(raw);
        }
    }

    private static IllegalArgumentException notAnAddress(String raw) {
        return new IllegalArgumentException("must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1, not '" + raw + "'");
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** Whether only this host can connect (a loopback address). */
    public boolean isLoopback() {
        return address.isLoopbackAddress();
    }

    /** {@code 127.0.0.1:8090}, {@code [::1]:8090}. */
    @Override
    public String toString() {
        String host = address.getHostAddress();
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }
}
