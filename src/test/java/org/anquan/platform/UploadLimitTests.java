package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.anquan.HttpBrowser;
import org.anquan.IntegrationTest;
import org.anquan.directory.demo.DemoCityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An upload over the limit gets the application's own page, in words, over real HTTP. */
@IntegrationTest
class UploadLimitTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void anUploadOverTheLimitIsRefusedWithTheApplicationsPageAndStoresNothing() {
        long hazard = jdbc.sql("SELECT MIN(id) FROM hazard").query(Long.class).single();
        long before = jdbc.sql("SELECT COUNT(*) FROM hazard_evidence").query(Long.class).single();
        HttpBrowser browser = new HttpBrowser(port);
        browser.logIn("enterprise", DemoCityFixtures.DEMO_PASSWORD);
        byte[] body = new byte[11 * 1024 * 1024 + 512 * 1024];
        HttpResponse<String> r = browser.post("/hazards/" + hazard + "/evidence", "multipart/form-data; boundary=x", body,
                "Accept", "text/html", "Accept-Language", "zh-CN");
        assertThat(r.statusCode()).isEqualTo(303);
        HttpResponse<String> page = browser.get(HttpBrowser.location(r), "Accept-Language", "zh-CN");
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("文件过大").contains("10 MB").doesNotContain("Exception").doesNotContain("Tomcat");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hazard_evidence").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anApiUploadOverTheLimitGetsProblemDetails() {
        HttpResponse<String> r = new HttpBrowser(port).post("/api/v1/hazards", "multipart/form-data; boundary=x",
                new byte[12 * 1024 * 1024], "Accept-Language", "en");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"code\":\"upload.too.large\"").contains("over 10 MB");
    }
}
