package org.luvhive.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.luvhive.drill.run.DrillResult;
import org.luvhive.drill.runbook.Runbook;

/**
 * Every drill of {@code scripts/drill}, run by the same code in CI: each must pass with
 * nothing lost or sent twice, its JSON summary the last line it prints.
 */
class DrillsTest {

    private final Drills drills = new Drills(Runbook.bundled());

    @Test
    void floodwait() {
        passes("floodwait");
    }

    @Test
    void database() {
        passes("database");
    }

    @Test
    void webhook() {
        passes("webhook");
    }

    @Test
    void backup() {
        passes("backup");
    }

    @Test
    void recovery() {
        passes("recovery");
    }

    @Test
    void token() {
        passes("token");
    }

    @Test
    void abuse() {
        passes("abuse");
    }

    @Test
    void anUnknownDrillRunsNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DrillMain.run(new String[] {"floodwait", "no-such-drill"}, new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no drill named 'no-such-drill' (nothing was run)");
    }

    private void passes(String name) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(new Tee(captured, System.out), true, StandardCharsets.UTF_8);
        DrillResult result = drills.run(drills.named(name).orElseThrow(), both);
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(result.passed()).as(output).isTrue();
        assertThat(result.lost()).isZero();
        assertThat(result.duplicated()).isZero();
        assertThat(result.timeToDetectSeconds()).isNotNull();
        assertThat(result.timeToRecoverSeconds()).isNotNull();
        String[] lines = output.strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("{\"drill\":\"" + name + "\",\"passed\":true,\"steps\":");
    }

    /** Writes to both: the test keeps the drill's lines and the build log shows them. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
