package org.luvhive.bot.bench.relay;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The costs of one phase, read from outside the bots: statements, transactions and WAL
 * flushes at the server, CPU time of the bots, the server and this process (the emulator
 * and the users), the bots' allocation, their largest resident memory (sampled every
 * 200 ms) and the load average. Not thread-safe apart from the memory sampler.
 */
final class PhaseMeter {

    private final BenchDatabase database;
    private final BotProcesses bots;
    private final long selfPid = ProcessHandle.current().pid();
    private BenchDatabase.Counters server;
    private double botCpu;
    private double selfCpu;
    private double allocated;
    private double loadAtStart;
    private volatile double maxRss;
    private final AtomicBoolean sampling = new AtomicBoolean();
    private Thread sampler;

    PhaseMeter(BenchDatabase database, BotProcesses bots) {
        this.database = database;
        this.bots = bots;
    }

    void start() {
        database.resetStatements();
        allocated = bots.allocatedBytes();
        server = database.counters();
        botCpu = bots.cpuMillis();
        selfCpu = ProcFs.cpuMillis(selfPid);
        loadAtStart = ProcFs.loadAverage();
        maxRss = bots.maxRssMiB();
        sampling.set(true);
        sampler = new Thread(() -> {
            while (sampling.get()) {
                maxRss = Math.max(maxRss, bots.maxRssMiB());
                BotProcesses.sleep(Duration.ofMillis(200));
            }
        }, "bench-rss");
        sampler.setDaemon(true);
        sampler.start();
    }

    Costs stop() {
        sampling.set(false);
        database.flushStatistics();
        BenchDatabase.Counters spent = database.counters().minus(server);
        double botCpuSpent = bots.cpuMillis() - botCpu;
        double benchCpuSpent = ProcFs.cpuMillis(selfPid) - selfCpu;
        return new Costs(spent, botCpuSpent, benchCpuSpent, bots.allocatedBytes() - allocated, maxRss, loadAtStart,
                ProcFs.loadAverage());
    }

    /** What a phase cost, in all. */
    record Costs(BenchDatabase.Counters server, double botCpuMillis, double benchCpuMillis, double allocatedBytes,
                 double maxRssMiB, double loadAtStart, double loadAtEnd) {
    }
}
