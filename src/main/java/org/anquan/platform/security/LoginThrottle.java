package org.anquan.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed password checks (sign-in, and the old password when changing it) counted per typed user
 * name and client address together, in the shared database. After the free attempts each further
 * failure doubles the wait of that pair, up to a ceiling; nothing locks the account itself, so its
 * owner signs in from another address, and a name that does not exist is treated exactly like one
 * that does.
 */
@Component
public class LoginThrottle {

    @ConfigurationProperties("anquan.security.throttle")
    public record Properties(int freeAttempts, Duration firstWait, Duration maxWait) {
        public Properties {
            if (freeAttempts <= 0) freeAttempts = 5;
            if (firstWait == null) firstWait = Duration.ofMinutes(1);
            if (maxWait == null) maxWait = Duration.ofMinutes(15);
        }
    }

    private final JdbcClient jdbc;
    private final Properties properties;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Properties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the pair must still wait before its next attempt is even checked; empty when it may try. */
    public Optional<Duration> waitFor(String username, String client) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("SELECT blocked_until FROM login_throttle WHERE user_key = :u AND client_key = :c")
                .param("u", key(username, 64)).param("c", key(client, 100))
                .query(OffsetDateTime.class).optional()
                .filter(until -> until != null && until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failure of the pair; past the free attempts, the pair waits twice as long each time. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String client) {
        String u = key(username, 64);
        String c = key(client, 100);
        int failures = jdbc.sql("UPDATE login_throttle SET failures = failures + 1 WHERE user_key = :u AND client_key = :c")
                .param("u", u).param("c", c).update() > 0
                ? jdbc.sql("SELECT failures FROM login_throttle WHERE user_key = :u AND client_key = :c").param("u", u).param("c", c)
                        .query(Integer.class).single()
                : insertFirst(u, c);
        int over = failures - properties.freeAttempts();
        if (over >= 0) {
            Duration wait = properties.firstWait().multipliedBy(1L << Math.min(over, 20));
            if (wait.compareTo(properties.maxWait()) > 0) {
                wait = properties.maxWait();
            }
            jdbc.sql("UPDATE login_throttle SET blocked_until = :until WHERE user_key = :u AND client_key = :c")
                    .param("until", OffsetDateTime.now(clock).plus(wait)).param("u", u).param("c", c).update();
        }
    }

    /** A right password from the pair clears its count. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username, String client) {
        jdbc.sql("DELETE FROM login_throttle WHERE user_key = :u AND client_key = :c")
                .param("u", key(username, 64)).param("c", key(client, 100)).update();
    }

    private int insertFirst(String u, String c) {
        try {
            jdbc.sql("INSERT INTO login_throttle (user_key, client_key, failures) VALUES (:u, :c, 1)").param("u", u).param("c", c)
                    .update();
            return 1;
        } catch (DuplicateKeyException raced) {
            jdbc.sql("UPDATE login_throttle SET failures = failures + 1 WHERE user_key = :u AND client_key = :c")
                    .param("u", u).param("c", c).update();
            return jdbc.sql("SELECT failures FROM login_throttle WHERE user_key = :u AND client_key = :c").param("u", u).param("c", c)
                    .query(Integer.class).single();
        }
    }

    private static String key(String s, int max) {
        String k = s == null || s.isBlank() ? "(blank)" : s.strip().toLowerCase(Locale.ROOT);
        return k.length() > max ? k.substring(0, max) : k;
    }
}
