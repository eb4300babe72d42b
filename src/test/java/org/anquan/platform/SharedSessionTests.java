package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.anquan.HttpBrowser;
import org.anquan.IntegrationTest;
import org.anquan.SecondInstance;
import org.anquan.directory.demo.DemoCityFixtures;
import org.anquan.platform.security.LoginRateLimiter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the application on one database, as behind a round-robin balancer with no
 * sticky sessions: a browser that logged in on one is served by the other, and the login rate
 * limit counts its attempts wherever they land.
 */
@IntegrationTest
class SharedSessionTests {

    static SecondInstance second;

    @LocalServerPort int firstPort;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void startASecondInstanceOnTheSameDatabase() {
        if (second == null) {
            second = SecondInstance.start();
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    int secondPort() {
        return second.port();
    }

    /** Logs in on the first instance the way a browser does. */
    HttpBrowser loggedInOnTheFirstInstance(String username) {
        HttpBrowser browser = new HttpBrowser(firstPort);
        var login = browser.logIn(username, DemoCityFixtures.DEMO_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.location(login)).doesNotContain("error");
        return browser;
    }

    @Test
    void aSessionStartedOnOneInstanceIsServedByTheOther() throws Exception {
        HttpResponse<String> onSecond = loggedInOnTheFirstInstance("leader").at(secondPort()).get("/");
        assertThat(onSecond.statusCode()).isEqualTo(200);
        assertThat(onSecond.body()).contains("市领导");
    }

    @Test
    void aSessionThatExpiredOnOneInstanceSendsTheBrowserToTheLoginOnTheOther() throws Exception {
        HttpBrowser onSecond = loggedInOnTheFirstInstance("discipline").at(secondPort());
        assertThat(onSecond.get("/").statusCode()).isEqualTo(200);
        // as if its 30 minutes had passed without a request
        jdbc.sql("UPDATE spring_session SET last_access_time = 0, expiry_time = 0 WHERE principal_name = 'discipline'").update();

        HttpResponse<String> expired = onSecond.get("/");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.location(expired)).endsWith("/login");
    }

    @Test
    void aSessionIdThatNeverExistedIsTreatedAsNoSession() throws Exception {
        HttpResponse<String> forged = new HttpBrowser(secondPort()).withSession("bm90LWEtc2Vzc2lvbg==").get("/");
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.location(forged)).endsWith("/login");
    }

    @Test
    void theLoginRateLimitCountsAttemptsOnEveryInstanceTogether() {
        // one minute for both, and an address no other test uses
        var minute = Clock.fixed(Instant.parse("2026-11-28T03:00:30Z"), ZoneOffset.UTC);
        boolean postgres = jdbc.sql("SELECT 1").query((rs, n) -> {
            try {
                return rs.getStatement().getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).single();
        var first = new LoginRateLimiter(4, jdbc, minute, tx, postgres);
        var other = new LoginRateLimiter(4, second.bean(JdbcClient.class), minute,
                second.bean(TransactionTemplate.class), postgres);
        String address = "shared-limit-" + UUID.randomUUID();
        assertThat(first.tryAcquire(address)).isTrue();
        assertThat(other.tryAcquire(address)).isTrue();
        assertThat(first.tryAcquire(address)).isTrue();
        assertThat(other.tryAcquire(address)).isTrue();
        assertThat(first.tryAcquire(address)).as("the fifth attempt, wherever it lands").isFalse();
        assertThat(other.tryAcquire(address)).isFalse();
    }
}
