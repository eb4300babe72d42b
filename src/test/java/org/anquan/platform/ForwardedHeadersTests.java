package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.anquan.HttpBrowser;
import org.anquan.IntegrationTest;
import org.anquan.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forwarding headers count only from configured proxies (none by default): a client cannot forge
 * its address for the login limit and the audit, nor steer redirects to another host; behind a
 * trusted proxy that terminates HTTPS, the session cookie is Secure.
 */
@IntegrationTest
class ForwardedHeadersTests {

    static SecondInstance behindProxy;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @AfterAll
    static void stop() {
        if (behindProxy != null) {
            behindProxy.close();
            behindProxy = null;
        }
    }

    /** An instance configured to trust the proxy on this machine. */
    int trustingInstance() {
        if (behindProxy == null) {
            behindProxy = SecondInstance.start("anquan.security.trusted-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        }
        return behindProxy.port();
    }

    String auditedAddress(String actor) {
        return jdbc.sql("SELECT remote_addr FROM audit_log WHERE actor = :a ORDER BY id DESC LIMIT 1").param("a", actor)
                .query(String.class).single();
    }

    @Test
    void aForwardedForFromAnUntrustedClientIsIgnored() {
        new HttpBrowser(port).logIn("xff-probe-1", "wrong-password", "X-Forwarded-For", "198.51.100.7");
        assertThat(auditedAddress("xff-probe-1")).isNotEqualTo("198.51.100.7").isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void aForwardedHostNeverReachesARedirect() {
        HttpResponse<String> r = new HttpBrowser(port).get("/hazards", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.location(r)).isEqualTo("/login").doesNotContain("evil.example");
    }

    @Test
    void anUntrustedClientClaimingHttpsGetsNoSecureCookieAndAPlainRequestKeepsHttpOnlyAndSameSite() {
        HttpResponse<String> r = new HttpBrowser(port).get("/login", "X-Forwarded-Proto", "https");
        String cookie = HttpBrowser.sessionCookieHeader(r).orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedAddressAndTheCookieIsSecure() {
        HttpBrowser browser = new HttpBrowser(trustingInstance());
        HttpResponse<String> form = browser.get("/login", "X-Forwarded-Proto", "https");
        assertThat(HttpBrowser.sessionCookieHeader(form).orElseThrow()).contains("Secure").contains("HttpOnly");
        browser.logIn("xff-probe-2", "wrong-password", "X-Forwarded-For", "198.51.100.7, 203.0.113.9");
        assertThat(auditedAddress("xff-probe-2")).isEqualTo("203.0.113.9");
    }
}
