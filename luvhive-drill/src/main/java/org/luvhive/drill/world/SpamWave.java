package org.luvhive.drill.world;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.luvhive.testkit.telegram.SimulatedUser;

/**
 * A spam wave: account after account (each a few days old, so not judged as new) meets the
 * same user through {@code /find} and pushes a contact-app handle and a link at once, twice,
 * before the next one takes over (the strike ladder mutes each after its second). The user
 * says {@code /next} between them, as people do. Counts the spam sent and what reached the
 * user. Thread-safe.
 */
public final class SpamWave implements AutoCloseable {

    /** What every spam text contains, and no benign text does. */
    public static final String MARK = "free coins";
    private static final Pattern NUMBERED = Pattern.compile(MARK + " (\\d+),");
    private static final Duration ACCOUNT_AGE = Duration.ofDays(3);
    private static final int TEXTS_PER_ACCOUNT = 2;

    private final World world;
    private final SimulatedUser victim;
    private final AtomicInteger accounts = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "drill-spam-wave");
        thread.setDaemon(true);
        return thread;
    });

    private SpamWave(World world, SimulatedUser victim) {
        this.world = world;
        this.victim = victim;
    }

    /** Starts the wave against one user who has just opened the bot; a new account every {@code pause}. */
    public static SpamWave start(World world, Duration pause) {
        SpamWave wave = new SpamWave(world, Users.returning(world, "Victim", "female"));
        wave.victim.sendCommand("find");
        wave.sender.scheduleWithFixedDelay(wave::nextAccount, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
        return wave;
    }

    private void nextAccount() {
        try {
            int number = accounts.incrementAndGet();
            if (number > 1) {
                victim.sendCommand("next");
            }
            SimulatedUser spammer = Users.returning(world, "Spam" + number, "male", ACCOUNT_AGE);
            spammer.sendCommand("find");
            spammer.awaitMessageContaining("Partner found", World.WAIT);
            for (int text = 0; text < TEXTS_PER_ACCOUNT; text++) {
                int count = sent.incrementAndGet();
                spammer.sendText("add me on snap for " + MARK + " " + count + ", see www.coins" + count + ".example");
            }
        } catch (RuntimeException | Error stopped) {
            failure.compareAndSet(null, stopped);
            throw stopped;
        }
    }

    public int sent() {
        check();
        return sent.get();
    }

    /** Spam texts the user received. */
    public long delivered() {
        return deliveredAfter(0);
    }

    /** Spam texts the user received of those sent after the {@code number}th. */
    public long deliveredAfter(int number) {
        check();
        return victim.received().stream().filter(message -> message.hasText())
                .map(message -> NUMBERED.matcher(message.text()))
                .filter(matcher -> matcher.find() && Integer.parseInt(matcher.group(1)) > number).count();
    }

    private void check() {
        if (failure.get() != null) {
            throw new IllegalStateException("the spam wave stopped: " + failure.get().getMessage(), failure.get());
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
