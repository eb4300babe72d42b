package org.anquan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTests {

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-28T02:00:00Z");

        @Override public ZoneId getZone() { return ZoneId.of("Asia/Shanghai"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void aFigureIsComputedOncePerLifetimeAndAgainAfterIt() {
        Hand clock = new Hand();
        var cache = new ExpiringCache<String, Integer>(Duration.ofMinutes(1), clock, 10);
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.get("city", computed::incrementAndGet)).isEqualTo(1);
        clock.now = clock.now.plusSeconds(59);
        assertThat(cache.get("city", computed::incrementAndGet)).isEqualTo(1);
        clock.now = clock.now.plusSeconds(1);
        assertThat(cache.get("city", computed::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void aZeroLifetimeComputesEveryTimeWhateverTheNumberOfKeys() {
        var cache = new ExpiringCache<Integer, Integer>(Duration.ZERO, new Hand(), 3);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            cache.get(i, computed::incrementAndGet);
            cache.get(i, computed::incrementAndGet);
        }
        assertThat(computed.get()).isEqualTo(20);
    }
}
