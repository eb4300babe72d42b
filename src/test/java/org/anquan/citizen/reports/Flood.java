package org.anquan.citizen.reports;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test fixture: the shared rate-limit window of a key already at its limit for the current minute. */
public final class Flood {

    private Flood() {
    }

    public static void fill(JdbcClient jdbc, Clock clock, String key, int limit) {
        if (clock.millis() % 60_000 > 57_000) {
            // too close to the minute's turn, which would open a fresh window before the request: wait for it
            try {
                Thread.sleep(60_000 - clock.millis() % 60_000 + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long minute = clock.millis() / 60_000;
        jdbc.sql("DELETE FROM login_window WHERE client_key = :k").param("k", key).update();
        jdbc.sql("INSERT INTO login_window (client_key, window_minute, attempts) VALUES (:k, :m, :n)")
                .param("k", key).param("m", minute).param("n", limit).update();
    }
}
