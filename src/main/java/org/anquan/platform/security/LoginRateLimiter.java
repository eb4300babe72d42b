package org.anquan.platform.security;

import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window rate limit per client address, for public endpoints (login, and later the citizen
 * portal), counted in the shared database: behind a load balancer every instance sees the same
 * count, so spreading attempts over instances gains nothing.
 */
public class LoginRateLimiter {

    @ConfigurationProperties("anquan.security.rate-limit")
    public record Properties(int perMinute) {
        public Properties {
            if (perMinute <= 0) perMinute = 30;
        }
    }

    private final int perMinute;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final boolean postgres;

    public LoginRateLimiter(int perMinute, JdbcClient jdbc, Clock clock, TransactionTemplate tx,
                            boolean postgres) {
        this.perMinute = perMinute;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
        this.postgres = postgres;
    }

    /** True when the call is allowed, counting it. */
    public boolean tryAcquire(String key) {
        return tryAcquire(key, perMinute);
    }

    /**
     * True when the call is allowed under a limit of its own per minute, counting it. Other public
     * endpoints name their keys with a prefix of their own (e.g. {@code report:} and an address).
     */
    public boolean tryAcquire(String key, int limitPerMinute) {
        String k = key.length() > 100 ? key.substring(0, 100) : key;
        long minute = clock.millis() / 60_000;
        Integer n = tx.execute(status -> {
            if (postgres) {
                // a count lost in a crash costs nothing: do not wait for the disk, and hold the key's row only for the statement
                jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
            }
            return count(k, minute);
        });
        return n != null && n <= limitPerMinute;
    }

    /** Whole seconds until the current window ends: what a refused caller is told to wait (Retry-After). */
    public long secondsUntilNextWindow() {
        return Math.max(1, (60_000 - clock.millis() % 60_000 + 999) / 1000);
    }

    private int count(String key, long minute) {
        if (postgres) {
            // one statement: the row counted or started, and its count read back; no race between instances to retry
            int n = jdbc.sql("""
                    INSERT INTO login_window (client_key, window_minute, attempts) VALUES (:k, :m, 1)
                    ON CONFLICT (client_key) DO UPDATE
                        SET attempts = CASE WHEN login_window.window_minute = :m THEN login_window.attempts + 1 ELSE 1 END,
                            window_minute = :m
                    RETURNING attempts""").param("k", key).param("m", minute).query(Integer.class).single();
            if (n == 1) {
                jdbc.sql("DELETE FROM login_window WHERE window_minute < :old").param("old", minute - 1).update();
            }
            return n;
        }
        for (int attempt = 0; ; attempt++) {
            // both SET expressions read the row as it was: a new minute starts again at one
            int updated = jdbc.sql("""
                    UPDATE login_window SET attempts = CASE WHEN window_minute = :m THEN attempts + 1 ELSE 1 END,
                                            window_minute = :m
                    WHERE client_key = :k""").param("m", minute).param("k", key).update();
            if (updated == 0) {
                try {
                    jdbc.sql("INSERT INTO login_window (client_key, window_minute, attempts) VALUES (:k, :m, 1)")
                            .param("k", key).param("m", minute).update();
                    jdbc.sql("DELETE FROM login_window WHERE window_minute < :old").param("old", minute - 1).update();
                    return 1;
                } catch (DuplicateKeyException raced) {
                    if (attempt > 2) {
                        throw raced;
                    }
                    continue; // another instance inserted the row first: count on it
                }
            }
            return jdbc.sql("SELECT attempts FROM login_window WHERE client_key = :k").param("k", key)
                    .query(Integer.class).single();
        }
    }
}
