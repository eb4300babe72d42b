package org.anquan.platform;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.anquan.IntegrationTest;
import org.anquan.platform.files.FileJobs;
import org.anquan.platform.security.Accounts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A long export runs in the background: the person watches its progress or comes back, and only they get the file. */
@IntegrationTest
class FileJobTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired FileJobs jobs;
    @Autowired JdbcClient jdbc;

    String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(accounts, user))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aLedgerOverTheThresholdIsMadeInTheBackgroundAndDownloadedWhenDone() throws Exception {
        long before = jobs.backgroundRows(10);
        String location;
        try {
            var r = mvc.perform(get("/hazards/ledger.xlsx").param("from", "2020-01-01").with(as(accounts, "admin"))).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(302);
            location = r.getRedirectedUrl();
        } finally {
            jobs.backgroundRows(before);
        }
        assertThat(location).matches("/jobs/[0-9a-f-]{36}");
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String progress = page(location, "admin");
        while (!progress.contains("data-status=\"DONE\"") && System.nanoTime() < until) {
            assertThat(progress).doesNotContain("data-status=\"FAILED\"");
            Thread.sleep(200);
            progress = mvc.perform(get(location).header("HX-Request", "true").with(as(accounts, "admin"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        }
        assertThat(progress).contains("data-status=\"DONE\"").contains("data-test=\"job-file\"").doesNotContain("hx-trigger");
        var file = mvc.perform(get(location + "/file").with(as(accounts, "admin"))).andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getHeader("Content-Disposition")).contains("filename*=UTF-8''" + java.net.URLEncoder.encode("问题隐患清单", StandardCharsets.UTF_8));
        long rows = jdbc.sql("SELECT COUNT(*) FROM hazard WHERE status <> 'REJECTED'").query(Long.class).single();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file.getContentAsByteArray()))) {
            // title, unit, period, header, the rows, the total and the signature
            assertThat(wb.getSheetAt(0).getLastRowNum() + 1L).isGreaterThanOrEqualTo(4 + rows);
        }
        // the person finds it again in their files; nobody else can see or download it
        assertThat(page("/jobs", "admin")).contains(location);
        assertThat(mvc.perform(get(location).with(as(accounts, "leader"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(location + "/file").with(as(accounts, "leader"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(page("/jobs", "leader")).doesNotContain(location);
    }

    @Test
    void aLedgerUnderTheThresholdIsStillDownloadedAtOnce() throws Exception {
        var r = mvc.perform(get("/hazards/ledger.xlsx").with(as(accounts, "admin"))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/vnd.openxmlformats");
    }

    @Test
    void aJobThatFailsSaysSoInWords() throws Exception {
        long admin = accounts.findByUsername("admin").orElseThrow().id();
        String id = jobs.start(admin, "测试", "测试.xlsx", "application/octet-stream", 10, (progress, out) -> {
            throw new java.io.IOException("disk full");
        });
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jobs.find(id, admin).orElseThrow().status() == FileJobs.Status.RUNNING && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(page("/jobs/" + id, "admin")).contains("生成失败，请稍后重试");
        assertThat(mvc.perform(get("/jobs/" + id + "/file").with(as(accounts, "admin"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }
}
