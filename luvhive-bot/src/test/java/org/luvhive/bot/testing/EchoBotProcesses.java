package org.luvhive.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Starts {@link EchoBotProcess} in a JVM of its own and waits until it runs (for SIGKILL tests). */
public final class EchoBotProcesses {

    private EchoBotProcesses() {
    }

    /**
     * @param stage       {@code store}, {@code handle} or {@code all}
     * @param environment what the runner reads (no env file is read besides it)
     */
    public static Process start(String stage, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), EchoBotProcess.class.getName(), stage)
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("LUVHIVE_ENV_FILE", "");
        Process process = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals("READY")) {
            // start-up logging
        }
        assertThat(line).as("the runner started").isEqualTo("READY");
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }));
        drain.setDaemon(true);
        drain.start();
        return process;
    }
}
