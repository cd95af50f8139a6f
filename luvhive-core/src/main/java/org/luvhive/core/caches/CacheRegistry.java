package org.luvhive.core.caches;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.luvhive.core.settings.OpsSetting;
import org.luvhive.core.settings.OpsSettingsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's in-process caches, by name: each a Caffeine cache bounded by
 * {@link CacheSettings#maxEntries()} with a write expiry, its size, hits, misses and
 * evictions in the registry ({@code cache.size}, {@code cache.gets}, ... tag
 * {@code cache=<name>}). {@link #clearAll()} drops them all; {@link #follow} makes it
 * happen when {@code luvhive cache clear} writes {@value #CLEARED_AT}. Caches only:
 * state that is not a cache (rate-limit buckets) is only watched ({@link #watch}), its
 * size a {@value #STATE_SIZE} gauge, never cleared. Thread-safe.
 */
public final class CacheRegistry {

    /** The ops setting {@code luvhive cache clear} writes (an ISO instant); a change clears every cache. */
    public static final String CLEARED_AT = "caches.cleared_at";
    public static final String CLEARS = "luvhive.caches.cleared";
    public static final String STATE_SIZE = "luvhive.state.size";
    private static final Logger LOG = LoggerFactory.getLogger(CacheRegistry.class);

    private final MeterRegistry registry;
    private final CacheSettings settings;
    private final Ticker ticker;
    private final Map<String, Cache<?, ?>> caches = new ConcurrentHashMap<>();
    private final AtomicReference<String> lastClear = new AtomicReference<>();

    public CacheRegistry(MeterRegistry registry, CacheSettings settings) {
        this(registry, settings, Ticker.systemTicker());
    }

    /** With the time source of expiry (tests move it instead of sleeping). */
    public CacheRegistry(MeterRegistry registry, CacheSettings settings, Ticker ticker) {
        this.registry = registry;
        this.settings = settings;
        this.ticker = ticker;
    }

    /**
     * A new cache of at most {@code maxEntries} whose entries expire {@code expireAfterWrite}
     * after they were loaded; the name must be new ({@code [a-z0-9_]+}).
     */
    public <K, V> Cache<K, V> create(String name, Duration expireAfterWrite) {
        if (!name.matches("[a-z][a-z0-9_]{0,49}")) {
            throw new IllegalArgumentException("cache name must be lower-case letters, digits and '_': " + name);
        }
        Cache<K, V> cache = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfterWrite(expireAfterWrite)
                .ticker(ticker)
                .recordStats()
                .build();
        if (caches.putIfAbsent(name, cache) != null) {
            throw new IllegalArgumentException("a cache named " + name + " exists already");
        }
        CaffeineCacheMetrics.monitor(registry, cache, name);
        return cache;
    }

    /** Shows the size of in-process state that is not a cache as {@value #STATE_SIZE}{@code {state=name}}. */
    public void watch(String name, LongSupplier size) {
        Gauge.builder(STATE_SIZE, size, supplier -> supplier.getAsLong()).tag("state", name)
                .description("Entries of in-process state that is not a cache (never cleared by 'cache clear')")
                .strongReference(true).register(registry);
    }

    /** Drops every entry of every cache; returns how many entries went. */
    public long clearAll() {
        long dropped = 0;
        for (Cache<?, ?> cache : caches.values()) {
            dropped += cache.estimatedSize();
            cache.invalidateAll();
        }
        registry.counter(CLEARS).increment();
        return dropped;
    }

    /** Clears every cache whenever {@value #CLEARED_AT} changes (not for the value found at subscription). */
    public void follow(OpsSettingsListener listener) {
        listener.subscribe(CLEARED_AT, this::onSetting);
    }

    void onSetting(Optional<OpsSetting> setting) {
        String value = setting.map(stored -> stored.value() + "|" + stored.updatedAt()).orElse("");
        String previous = lastClear.getAndSet(value);
        if (previous != null && !previous.equals(value) && setting.isPresent()) {
            long dropped = clearAll();
            LOG.info("Caches cleared ({} entries) as asked by {} at {}", dropped, setting.get().updatedBy(),
                    setting.get().value());
        }
    }

    public Set<String> names() {
        return Set.copyOf(caches.keySet());
    }

    public long size(String name) {
        Cache<?, ?> cache = caches.get(name);
        return cache == null ? 0 : cache.estimatedSize();
    }

    public CacheSettings settings() {
        return settings;
    }
}
