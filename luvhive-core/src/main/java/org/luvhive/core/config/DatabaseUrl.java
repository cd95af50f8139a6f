package org.luvhive.core.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the database is and how to log in, parsed from the forms operators write:
 * {@code postgresql://user:pass@host:5432/db?sslmode=require} (also {@code postgres://})
 * and {@code jdbc:postgresql://host:5432/db?user=u&password=p}. Credentials are kept
 * apart from the JDBC URL, so the URL can be logged and the password cannot.
 * Immutable and thread-safe.
 *
 * @param host       host name or address (IPv6 without brackets)
 * @param port       TCP port
 * @param database   database name
 * @param user       login role, empty when the driver's default applies
 * @param password   password, empty when none was given
 * @param parameters further driver parameters ({@code sslmode}, ...), in the order given
 */
public record DatabaseUrl(String host, int port, String database, String user, Optional<Secret> password,
                          Map<String, String> parameters) {

    public static final int DEFAULT_PORT = 5432;

    public DatabaseUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters)); // order kept, as given
    }

    /**
     * Parses either form, or throws {@link IllegalArgumentException} with a message that
     * never contains the password.
     */
    public static DatabaseUrl parse(String raw) {
        String text = raw.strip();
        String rest;
        if (text.startsWith("jdbc:postgresql://")) {
            rest = text.substring("jdbc:postgresql://".length());
        } else if (text.startsWith("postgresql://")) {
            rest = text.substring("postgresql://".length());
        } else if (text.startsWith("postgres://")) {
            rest = text.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException(
                    "must start with postgresql://, postgres:// or jdbc:postgresql:// (e.g. postgresql://user:pass@host:5432/luvhive)");
        }

        Map<String, String> parameters = new LinkedHashMap<>();
        int query = rest.indexOf('?');
        if (query >= 0) {
            parameters.putAll(parseQuery(rest.substring(query + 1)));
            rest = rest.substring(0, query);
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("names no database: add /DBNAME after host:port");
        }
        String database = decode(rest.substring(slash + 1));
        if (database.contains("/")) {
            throw new IllegalArgumentException("has a '/' in the database name");
        }
        String authority = rest.substring(0, slash);

        String user = "";
        Optional<Secret> password = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = decode(userInfo.substring(0, colon));
                password = Optional.of(Secret.of(decode(userInfo.substring(colon + 1))));
            } else {
                user = decode(userInfo);
            }
        }
        String parameterUser = parameters.remove("user");
        if (parameterUser != null && user.isEmpty()) {
            user = parameterUser;
        }
        String parameterPassword = parameters.remove("password");
        if (parameterPassword != null && password.isEmpty()) {
            password = Optional.of(Secret.of(parameterPassword));
        }

        String host;
        int port = DEFAULT_PORT;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("has an unclosed '[' in the host");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                port = parsePort(after.substring(1));
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("has text after the IPv6 host");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            if (colon >= 0) {
                port = parsePort(authority.substring(colon + 1));
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("names no host");
        }
        if (host.contains(",")) {
            throw new IllegalArgumentException("names several hosts; give one (a load balancer or PgBouncer in front of them)");
        }
        return new DatabaseUrl(host, port, database, user, password, parameters);
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("has port " + port + ", outside 1-65535");
            }
            return port;
        } catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException("has a port that is not a number");
        }
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals >= 0 ? pair.substring(0, equals) : pair);
            String value = equals >= 0 ? decode(pair.substring(equals + 1)) : "";
            parameters.put(key, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new IllegalArgumentException("has a malformed %-escape");
        }
    }

    /** This URL pointing at another database on the same server, same login. */
    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(host, port, otherDatabase, user, password, parameters);
    }

    /** The JDBC URL with the driver parameters but without user or password. */
    public String jdbcUrl() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        String base = "jdbc:postgresql://" + hostPart + ":" + port + "/" + encode(database);
        if (parameters.isEmpty()) {
            return base;
        }
        return base + "?" + parameters.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The operator form, password shown as {@code ***}: safe for logs and output. */
    public String masked() {
        return render(password.isPresent() ? "***" : null);
    }

    /**
     * The operator form with the password in it, for writing into an env file or
     * printing only where the operator asked for it.
     */
    public String revealed() {
        return render(password.map(Secret::reveal).map(DatabaseUrl::encode).orElse(null));
    }

    private String render(String passwordText) {
        StringBuilder url = new StringBuilder("postgresql://");
        if (!user.isEmpty()) {
            url.append(encode(user));
            if (passwordText != null) {
                url.append(':').append(passwordText);
            }
            url.append('@');
        }
        url.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port)
                .append('/').append(encode(database));
        if (!parameters.isEmpty()) {
            url.append('?').append(parameters.entrySet().stream()
                    .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                    .collect(Collectors.joining("&")));
        }
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return masked();
    }
}
