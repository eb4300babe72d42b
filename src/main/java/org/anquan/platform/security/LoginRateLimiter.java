package org.anquan.platform.security;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fixed-window rate limit per client address, for public endpoints (login, and later the citizen
 * portal). Per instance; behind a load balancer each instance limits on its own.
 */
public class LoginRateLimiter {

    @ConfigurationProperties("anquan.security.rate-limit")
    public record Properties(int perMinute) {
        public Properties {
            if (perMinute <= 0) perMinute = 30;
        }
    }

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

    public LoginRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** True when the call is allowed, counting it. */
    public boolean tryAcquire(String key) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue()[0] != minute);
        }
        long[] w = windows.compute(key, (k, v) -> v == null || v[0] != minute ? new long[] {minute, 1} : new long[] {minute, v[1] + 1});
        return w[1] <= perMinute;
    }
}
