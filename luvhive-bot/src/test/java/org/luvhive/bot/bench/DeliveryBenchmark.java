package org.luvhive.bot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luvhive.bot.BotApplication;
import org.luvhive.bot.RunnerSettings;
import org.luvhive.bot.testing.EchoFeatures;
import org.luvhive.core.config.ConfigLoader;
import org.luvhive.core.delivery.OutboundMessage;
import org.luvhive.core.delivery.Priority;
import org.luvhive.core.limits.LimitsSettings;
import org.luvhive.core.limits.RateLimits;
import org.luvhive.core.settings.OpsSettings;
import org.luvhive.testkit.telegram.ChatMessage;
import org.luvhive.testkit.telegram.EmulatedBot;
import org.luvhive.testkit.telegram.EmulatorLimits;
import org.luvhive.testkit.telegram.Fault;
import org.luvhive.testkit.telegram.LoggedRequest;
import org.luvhive.testkit.telegram.SimulatedUser;
import org.luvhive.testkit.telegram.TelegramEmulator;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * The real pipeline (outbox, sender, Bucket4j limits, PostgreSQL) against the emulator
 * enforcing exactly the same global limit: a burst of 10x the one-second budget across
 * many chats. Prints figures and, last, one JSON line. Not a test: run it with
 * {@code scripts/bench-delivery}.
 */
public final class DeliveryBenchmark {

    private static final String TOKEN = "919191:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    private static final int CHAT_RETRY_S = 2;
    private static final int GLOBAL_RETRY_S = 3;

    private DeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Path home = Files.createTempDirectory("luvhive-bench");
        EmulatorLimits emulatorLimits = EmulatorLimits.telegramDefaults().withGlobal(options.globalRate(), options.globalRate());
        try (TelegramEmulator emulator = TelegramEmulator.builder().limits(emulatorLimits).build().start()) {
            EmulatedBot bot = emulator.bot(TOKEN);
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put("BOT_TOKEN", TOKEN);
        environment.put("PORT", "0");
        environment.put("MANAGEMENT_PORT", "0");
            environment.put("TELEGRAM_API_URL", emulator.baseUrl());
            environment.put("LUVHIVE_HOME", home.toString());
            environment.put("LUVHIVE_ENV_FILE", "");
            var config = new ConfigLoader(home).load(environment);
            BotApplication application = BotApplication.start(config, Clock.systemUTC(),
                    RunnerSettings.defaults().withPollTimeout(Duration.ofSeconds(1)),
                    (jdbi, outbox, caches, registry, violations) -> new EchoFeatures());
            Report report;
            try {
                report = run(options, bot, application);
            } finally {
                application.close();
            }
            report.print(); // after the runner's shutdown logging: the JSON line must be the last
        }
    }

    private static Report run(BenchOptions options, EmulatedBot bot, BotApplication application) throws Exception {
        new LimitsSettings(new OpsSettings(application.database().jdbi(), Clock.systemUTC()), new ObjectMapper())
                .store(new RateLimits("custom", 1, 3, options.globalRate(), options.globalRate(), 20,
                        options.globalRate() > RateLimits.TELEGRAM_GLOBAL), "bench");
        while (application.limits().current().global() != options.globalRate()) {
            Thread.sleep(20);
        }
        List<SimulatedUser> users = new ArrayList<>();
        for (int index = 0; index < options.chats(); index++) {
            SimulatedUser user = bot.newUser("Bench" + index);
            user.sendCommand("start");
            users.add(user);
        }
        Thread.sleep(1500); // the /start updates are handled; the buckets refill
        bot.resetStats();
        java.util.Set<Long> faultedChats = new java.util.HashSet<>();
        if (options.inject429()) {
            for (int index = 0; index < users.size(); index += 10) {
                bot.faults().failNextInChat(users.get(index).id(), 1, Fault.tooManyRequests(CHAT_RETRY_S));
                faultedChats.add(users.get(index).id());
            }
        }

        Map<String, Instant> queuedAt = new HashMap<>();
        Instant start = Instant.now();
        application.database().jdbi().useTransaction(handle -> {
            for (int index = 0; index < options.messages(); index++) {
                SimulatedUser user = users.get(index % users.size());
                String text = "bench-" + index;
                queuedAt.put(text, Instant.now());
                application.pipeline().outbox().enqueue(handle, OutboundMessage.of(user.id(),
                        // with 429s injected, one priority: a chat's next message is then the oldest
                        // when its pause ends, so the measured pause is the pause, not queueing
                        options.inject429() || index % 2 == 0 ? Priority.RELAY : Priority.BROADCAST,
                        SendMessage.builder().chatId(user.id()).text(text).build()));
            }
        });
        Instant globalFaultAt = null;
        if (options.inject429()) {
            Thread.sleep(Duration.ofSeconds(Math.max(1, options.messages() / options.globalRate() / 3)).toMillis());
            globalFaultAt = Instant.now();
            bot.faults().failFor("sendMessage", Duration.ofMillis(400), Fault.tooManyRequests(GLOBAL_RETRY_S));
        }
        Duration deadline = Duration.ofSeconds(options.messages() / options.globalRate() * 3L + 30);
        while (bot.stats().totalDelivered() < options.messages()
                && Duration.between(start, Instant.now()).compareTo(deadline) < 0) {
            Thread.sleep(50);
        }
        Thread.sleep(1500); // let any duplicate arrive
        return Report.of(options, bot, users, queuedAt, faultedChats, globalFaultAt);
    }

    /** The figures of one run. */
    private record Report(BenchOptions options, long delivered, long distinct, long http429, double achieved,
                          long p50, long p99, Double pauseErrorPercent, int pausesChecked, List<String> pauseLines) {

        static Report of(BenchOptions options, EmulatedBot bot, List<SimulatedUser> users, Map<String, Instant> queuedAt,
                         java.util.Set<Long> faultedChats, Instant globalFaultAt) {
            List<Long> latencies = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            long delivered = 0;
            for (SimulatedUser user : users) {
                for (ChatMessage message : user.history()) {
                    if (message.text() != null && message.text().startsWith("bench-")) {
                        delivered++;
                        seen.add(message.text());
                    }
                }
            }
            List<LoggedRequest> sends = bot.requestLog().stream()
                    .filter(request -> request.method().equals("sendMessage")).toList();
            List<Instant> deliveries = sends.stream().filter(LoggedRequest::delivered).map(LoggedRequest::at).sorted().toList();
            double achieved = 0;
            long capacity = RateLimits.withJitterReserve(options.globalRate(), options.globalRate());
            if (deliveries.size() > capacity + 1) {
                Duration window = Duration.between(deliveries.get(0), deliveries.get(deliveries.size() - 1));
                achieved = (deliveries.size() - capacity) / (window.toNanos() / 1e9);
            }
            Instant first = queuedAt.values().stream().min(Instant::compareTo).orElseThrow();
            for (int index = 0; index < deliveries.size(); index++) {
                latencies.add(Duration.between(first, deliveries.get(index)).toMillis());
            }
            latencies.sort(Long::compare);
            PauseCheck pauses = PauseCheck.of(sends, faultedChats, globalFaultAt, Duration.ofSeconds(CHAT_RETRY_S),
                    Duration.ofSeconds(GLOBAL_RETRY_S));
            long http429 = sends.stream().filter(request -> request.status() == 429).count();
            return new Report(options, delivered, seen.size(), http429, achieved,
                    percentile(latencies, 50), percentile(latencies, 99), pauses.worstErrorPercent(), pauses.checked(),
                    pauses.lines());
        }

        private static long percentile(List<Long> sorted, int percent) {
            if (sorted.isEmpty()) {
                return 0;
            }
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
        }

        void print() {
            pauseLines.forEach(line -> System.out.println("  " + line));
            double ratio = achieved / options.globalRate();
            System.out.printf("limit %d/s, %d messages to %d chats%s%n", options.globalRate(), options.messages(),
                    options.chats(), options.inject429() ? ", 429s injected" : "");
            System.out.printf("delivered %d (distinct %d), lost %d, duplicated %d, HTTP 429 answered %d%n", delivered,
                    distinct, options.messages() - distinct, delivered - distinct, http429);
            System.out.printf("achieved %.2f/s after the initial burst (ratio %.3f); latency from enqueue p50 %d ms, p99 %d ms%n",
                    achieved, ratio, p50, p99);
            ObjectNode json = new ObjectMapper().createObjectNode()
                    .put("mode", options.inject429() ? "inject-429" : "limits")
                    .put("limit_per_s", options.globalRate())
                    .put("messages", options.messages())
                    .put("chats", options.chats())
                    .put("achieved_per_s", Math.round(achieved * 100) / 100.0)
                    .put("ratio", Math.round(ratio * 1000) / 1000.0)
                    .put("http_429", http429)
                    .put("lost", options.messages() - distinct)
                    .put("duplicated", delivered - distinct)
                    .put("p50_ms", p50)
                    .put("p99_ms", p99);
            if (options.inject429()) {
                System.out.printf("pauses after injected 429s checked: %d, worst deviation from retry_after %.1f%%%n",
                        pausesChecked, pauseErrorPercent == null ? 0 : pauseErrorPercent);
                json.put("pauses_checked", pausesChecked);
                json.put("pause_error_pct", pauseErrorPercent == null ? null : Math.round(pauseErrorPercent * 10) / 10.0);
            }
            System.out.println(json);
        }
    }
}
