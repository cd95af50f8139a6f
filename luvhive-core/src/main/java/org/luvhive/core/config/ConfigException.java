package org.luvhive.core.config;

import java.util.List;
import org.luvhive.core.LuvhiveException;

/**
 * Configuration that cannot be used. Carries one problem per bad key, each naming the
 * key and what is wrong with it, never the (possibly secret) value.
 */
public final class ConfigException extends LuvhiveException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(problems.size() == 1
                ? "invalid configuration: " + problems.get(0)
                : "invalid configuration (" + problems.size() + " problems): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public static ConfigException single(String key, String problem) {
        return new ConfigException(List.of(key + ": " + problem));
    }

    /** One line per problem: {@code KEY: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
