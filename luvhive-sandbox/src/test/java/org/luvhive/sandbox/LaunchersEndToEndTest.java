package org.luvhive.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers as people run them (README "Launchers and runnable jars"):
 * {@code scripts/luvhive}, {@code scripts/luvhive-bot} and {@code scripts/luvhive-sandbox},
 * from other directories and through a symlink, building on first use and when a source
 * changed, and only then. They run in a copy of this source tree, so their builds never
 * touch the tree under test; the copy keeps this build's compiled classes, so a launcher's
 * Maven run compiles only what a test changed. In all, two builds: the sandbox on first
 * use and the bot after one of its sources changed. (In this module: the last one the
 * sandbox's launcher builds, when the other runnable jars are already packaged.)
 */
class LaunchersEndToEndTest {

    private static final Duration BUILD_AND_RUN = Duration.ofMinutes(5);
    private static final Pattern PAGE_URL = Pattern.compile("Open (http://127\\.0\\.0\\.1:\\d+)/\\S*");
    private static final String BUILDING = "luvhive: building ";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static Path tree;

    @BeforeAll
    static void copyTheSourceTree() throws Exception {
        Path source = Path.of("..").toAbsolutePath().normalize();
        tree = work.resolve("tree");
        SourceTreeCopy.copy(source, tree);
    }

    @Test
    void theCliRunsFromAnyDirectoryAndThroughASymlink() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("luvhive"), tree.resolve("scripts/luvhive"));

        Run fromRoot = run(Path.of("/"), Map.of(), tree.resolve("scripts/luvhive").toString(), "--version");
        Run throughLink = run(Files.createDirectories(work.resolve("elsewhere")), Map.of(),
                bin.resolve("luvhive").toString(), "--version");

        assertThat(fromRoot.exitCode()).as(fromRoot.err()).isZero();
        assertThat(fromRoot.out()).startsWith("luvhive ");
        assertThat(throughLink.exitCode()).as(throughLink.err()).isZero();
        assertThat(throughLink.out()).isEqualTo(fromRoot.out());
        assertThat(throughLink.err()).as("built at most once").doesNotContain(BUILDING);
    }

    @Test
    void theBotLauncherRebuildsWhenOneOfItsSourcesChangedAndOnlyThen() throws Exception {
        Path jar = tree.resolve("luvhive-bot/target/luvhive-bot.jar");
        Path source = tree.resolve("luvhive-bot/src/main/java/org/luvhive/bot/BotMain.java");
        Files.setLastModifiedTime(source, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(1)));

        Run changed = run(work, Map.of(), tree.resolve("scripts/luvhive-bot").toString());
        Run unchanged = run(Path.of("/"), Map.of(), tree.resolve("scripts/luvhive-bot").toString());

        assertThat(changed.err()).contains(BUILDING + "luvhive-bot");
        assertThat(unchanged.err()).doesNotContain(BUILDING);
        for (Run bot : List.of(changed, unchanged)) {
            assertThat(bot.exitCode()).as("configuration invalid: %s", bot.err()).isEqualTo(3);
            assertThat(bot.err()).contains("luvhive-bot: configuration: BOT_TOKEN");
        }
    }

    @Test
    void aChangedCoreSourceOrPomMakesEveryJarStale() throws Exception {
        Map<String, String> jars = Map.of("luvhive-cli", "luvhive-cli/target/luvhive-cli.jar",
                "luvhive-bot", "luvhive-bot/target/luvhive-bot.jar");
        Path marker = tree.resolve("luvhive-core/src/main/java/org/luvhive/core/LauncherStaleMarker.java");
        Path pom = tree.resolve("luvhive-core/pom.xml");
        FileTime pomTime = Files.getLastModifiedTime(pom);
        for (var jar : jars.entrySet()) {
            Files.setLastModifiedTime(tree.resolve(jar.getValue()), FileTime.from(Instant.now()));
            assertThat(isStale(jar.getKey(), jar.getValue())).as("%s fresh", jar.getKey()).isFalse();
            try {
                Files.writeString(marker, "// newer than every jar");
                Files.setLastModifiedTime(marker, FileTime.from(Instant.now().plusSeconds(5)));
                assertThat(isStale(jar.getKey(), jar.getValue())).as("%s after a core source", jar.getKey()).isTrue();
            } finally {
                Files.delete(marker);
            }
            try {
                Files.setLastModifiedTime(pom, FileTime.from(Instant.now().plusSeconds(5)));
                assertThat(isStale(jar.getKey(), jar.getValue())).as("%s after core's pom", jar.getKey()).isTrue();
            } finally {
                Files.setLastModifiedTime(pom, pomTime);
            }
        }
    }

    @Test
    void theSandboxBuildsOnFirstUseAnswersStartAndStopsCleanly() throws Exception {
        Files.deleteIfExists(tree.resolve("luvhive-sandbox/target/luvhive-sandbox.jar"));
        Path home = work.resolve("sandbox-home");
        Path out = work.resolve("sandbox.out");
        Path err = work.resolve("sandbox.err");
        Process sandbox = start(Path.of("/"), Map.of("LUVHIVE_SANDBOX_HOME", home.toString()), out, err,
                tree.resolve("scripts/luvhive-sandbox").toString(), "--port", String.valueOf(freePort()));
        Optional<ProcessHandle> database = Optional.empty();
        try {
            await().atMost(BUILD_AND_RUN).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(sandbox.isAlive()).as("the sandbox runs: %s", Files.readString(err)).isTrue();
                return PAGE_URL.matcher(Files.readString(out)).find();
            });
            assertThat(Files.readString(err)).contains(BUILDING + "luvhive-sandbox");
            Matcher page = PAGE_URL.matcher(Files.readString(out));
            assertThat(page.find()).isTrue();
            String bot = page.group(1) + "/sim/bots/" + Sandbox.DEFAULT_TOKEN.substring(0, 6);
            database = serverOf(home.resolve("pgdata"));
            assertThat(database).as("its embedded server runs").isPresent();

            long user = post(bot + "/users", "{\"first_name\":\"Alice\"}").path("id").asLong();
            post(bot + "/users/" + user + "/send", "{\"command\":\"start\"}");
            JsonNode answer = get(bot + "/users/" + user + "/await?timeout_ms=30000&contains=Welcome");

            assertThat(answer.path("text").asText()).contains("Welcome to LuvHive");
            sandbox.destroy(); // SIGTERM, as Ctrl-C in its terminal
            assertThat(sandbox.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
            assertThat(sandbox.exitValue()).as("ended by the signal, after its shutdown hook").isEqualTo(143);
            assertThat(Files.readString(out)).contains("luvhive-sandbox: stopping the bot, its database and the page");
            assertThat(home.resolve("pgdata/postmaster.pid")).as("its database server shut down").doesNotExist();
            // pg_ctl stop returns once the pid file is gone, a moment before the server's process ends
            ProcessHandle server = database.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> !server.isAlive());
            int port = URI.create(page.group(1)).getPort();
            assertThat(listening(port)).as("the page is gone").isFalse();
        } finally {
            sandbox.descendants().forEach(ProcessHandle::destroyForcibly);
            sandbox.destroyForcibly();
            database.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private boolean isStale(String module, String jar) throws Exception {
        Run check = run(work, Map.of(), "bash", "-c",
                "source \"$1/scripts/lib/launcher.sh\" && luvhive_jar_is_stale \"$2\" \"$1/$3\"", "check",
                tree.toString(), module, jar);
        assertThat(check.exitCode()).as(check.err()).isIn(0, 1);
        return check.exitCode() == 0;
    }

    /** The running server of a data directory, from its postmaster.pid. */
    private static Optional<ProcessHandle> serverOf(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::trim).map(Long::valueOf).flatMap(ProcessHandle::of);
        }
    }

    private static JsonNode post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** The {@code result} of a /sim call ({@code {"ok":true,"result":...}}). */
    private static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("result");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** What a launcher printed and how it ended. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(Path directory, Map<String, String> environment, String... command) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = start(directory, environment, out, err, command);
        try {
            assertThat(process.waitFor(BUILD_AND_RUN.toSeconds(), TimeUnit.SECONDS)).as("%s ended", List.of(command))
                    .isTrue();
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * A launcher with what a person's shell would give it (PATH for java and mvn, HOME for
     * Maven's repository) but nothing of this machine's LuvHive: no token, no database URL,
     * an empty env file, a home of its own.
     */
    private static Process start(Path directory, Map<String, String> extra, Path out, Path err, String... command)
            throws IOException {
        Path envFile = work.resolve("empty.env");
        if (!Files.exists(envFile)) {
            Files.createFile(envFile);
        }
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("LUVHIVE_") || key.equals("BOT_TOKEN")
                || key.equals("DATABASE_URL") || key.equals("TELEGRAM_API_URL"));
        environment.putAll(new HashMap<>(Map.of("LUVHIVE_ENV_FILE", envFile.toString(),
                "LUVHIVE_HOME", work.resolve("luvhive-home").toString())));
        environment.putAll(extra);
        return builder.start();
    }
}
