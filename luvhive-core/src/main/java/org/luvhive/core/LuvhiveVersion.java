package org.luvhive.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build was made from, as Maven stamped it. */
public final class LuvhiveVersion {

    private LuvhiveVersion() {
    }

    public static String current() {
        try (InputStream input = LuvhiveVersion.class.getResourceAsStream("version.properties")) {
            if (input == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(input);
            return properties.getProperty("version", "unknown");
        } catch (IOException unreadable) {
            return "unknown";
        }
    }
}
