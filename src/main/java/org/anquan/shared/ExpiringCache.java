package org.anquan.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Figures that may be a little old (the home page's statistics): each key computed at most once per
 * {@code lifetime}, on the injected clock. Per instance; at most {@code maxKeys} keys are kept.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;
    private final int maxKeys;

    public ExpiringCache(Duration lifetime, Clock clock, int maxKeys) {
        this.lifetime = lifetime;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    public V get(K key, Supplier<V> compute) {
        Instant now = clock.instant();
        Entry<V> e = entries.get(key);
        if (e != null && e.expires().isAfter(now)) {
            return e.value();
        }
        if (entries.size() >= maxKeys) {
            entries.entrySet().removeIf(x -> !x.getValue().expires().isAfter(now));
            if (entries.size() >= maxKeys) {
                entries.clear();
            }
        }
        V value = compute.get();
        entries.put(key, new Entry<>(value, now.plus(lifetime)));
        return value;
    }
}
