package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anquan.AnquanApplication;
import org.anquan.IntegrationTest;
import org.anquan.directory.demo.DemoCity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the application on one database, as behind a round-robin balancer with no
 * sticky sessions: a browser that logged in on one is served by the other, and the login rate
 * limit counts its attempts wherever they land.
 */
@IntegrationTest
class SharedSessionTests {

    static ConfigurableApplicationContext second;

    @LocalServerPort int firstPort;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startASecondInstanceOnTheSameDatabase() {
        if (second == null) {
            second = new SpringApplicationBuilder(AnquanApplication.class)
                    .properties("server.port=0", "anquan.test.clean-database=false", "anquan.demo.enabled=false")
                    .run();
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    int secondPort() {
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Logs in on the first instance the way a browser does; the session cookie it ends with. */
    String logInOnTheFirstInstance(String username) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(url(firstPort, "/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(form);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String body = "username=" + username + "&password=" + URLEncoder.encode(DemoCity.DEMO_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url(firstPort, "/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return cookie(login);
    }

    static String cookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no session cookie set"));
    }

    HttpResponse<String> home(int port, String cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(port, "/"))).header("Cookie", "SESSION=" + cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSessionStartedOnOneInstanceIsServedByTheOther() throws Exception {
        String cookie = logInOnTheFirstInstance("leader");
        HttpResponse<String> onSecond = home(secondPort(), cookie);
        assertThat(onSecond.statusCode()).isEqualTo(200);
        assertThat(onSecond.body()).contains("市领导");
    }

    @Test
    void aSessionThatExpiredOnOneInstanceSendsTheBrowserToTheLoginOnTheOther() throws Exception {
        String cookie = logInOnTheFirstInstance("discipline");
        assertThat(home(secondPort(), cookie).statusCode()).isEqualTo(200);
        // as if its 30 minutes had passed without a request
        jdbc.sql("UPDATE spring_session SET last_access_time = 0, expiry_time = 0 WHERE principal_name = 'discipline'").update();

        HttpResponse<String> expired = home(secondPort(), cookie);
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aSessionIdThatNeverExistedIsTreatedAsNoSession() throws Exception {
        HttpResponse<String> forged = home(secondPort(), "bm90LWEtc2Vzc2lvbg==");
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theLoginRateLimitCountsAttemptsOnEveryInstanceTogether() {
        var first = new org.anquan.platform.security.LoginRateLimiter(4, jdbc, java.time.Clock.systemUTC());
        var other = new org.anquan.platform.security.LoginRateLimiter(4,
                second.getBean(JdbcClient.class), java.time.Clock.systemUTC());
        String address = "203.0.113." + System.nanoTime() % 200;
        assertThat(first.tryAcquire(address)).isTrue();
        assertThat(other.tryAcquire(address)).isTrue();
        assertThat(first.tryAcquire(address)).isTrue();
        assertThat(other.tryAcquire(address)).isTrue();
        assertThat(first.tryAcquire(address)).as("the fifth attempt, wherever it lands").isFalse();
        assertThat(other.tryAcquire(address)).isFalse();
    }
}
