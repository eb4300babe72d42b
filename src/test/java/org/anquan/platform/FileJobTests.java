package org.anquan.platform;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.anquan.IntegrationTest;
import org.anquan.platform.files.FileJobs;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.web.Downloads;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** A long export runs in the background: the person watches its progress or comes back, and only they get the file. */
@IntegrationTest
class FileJobTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired FileJobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

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
        assertThat(file.getHeader("Content-Disposition")).contains("filename*=UTF-8''" + URLEncoder.encode("问题隐患清单", StandardCharsets.UTF_8));
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
            throw new IOException("disk full");
        });
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jobs.find(id, admin).orElseThrow().status() == FileJobs.Status.RUNNING && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(page("/jobs/" + id, "admin")).contains("生成失败，请稍后重试");
        assertThat(mvc.perform(get("/jobs/" + id + "/file").with(as(accounts, "admin"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    String waitUntilFinished(String location) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String progress = page(location, "admin");
        while (progress.contains("data-status=\"RUNNING\"") && System.nanoTime() < until) {
            Thread.sleep(200);
            progress = page(location, "admin");
        }
        return progress;
    }

    @Test
    void aLongImportRunsInTheBackgroundAndGivesItsSummaryAndTheRejectedRows() throws Exception {
        String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE industry_code = 'HAZ_CHEM' ORDER BY id LIMIT 1").query(String.class).single();
        String deadline = LocalDate.now(clock).plusDays(20).toString();
        byte[] template = mvc.perform(get("/hazards/import/template").with(as(accounts, "admin"))).andReturn().getResponse()
                .getContentAsByteArray();
        var wb = new XSSFWorkbook(new ByteArrayInputStream(template));
        var sheet = wb.getSheetAt(0);
        for (int r = 1; r <= 60; r++) {
            // every tenth row names a grade that does not exist
            String[] v = {code, null, null, null, null, "HC_LABEL", "后台导入第" + r + "行：安全标签缺失",
                    r % 10 == 0 ? "很大" : "一般", deadline, "李敏", "13900000000"};
            var row = sheet.createRow(r);
            for (int c = 0; c < v.length; c++) {
                if (v[c] != null) {
                    row.createCell(c).setCellValue(v[c]);
                }
            }
        }
        var bytes = new ByteArrayOutputStream();
        wb.write(bytes);
        wb.close();
        var file = new MockMultipartFile("file", "检查结果.xlsx", Downloads.XLSX, bytes.toByteArray());
        var r = mvc.perform(MockMvcRequestBuilders.multipart("/hazards/import").file(file)
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(as(accounts, "admin"))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        String location = r.getRedirectedUrl();
        assertThat(location).startsWith("/jobs/");
        String done = waitUntilFinished(location);
        assertThat(done).contains("data-status=\"DONE\"").contains("已导入并分派 54 条隐患，6 行未导入。");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hazard WHERE description LIKE '后台导入第%'").query(Long.class).single()).isEqualTo(54);
        var rejected = mvc.perform(get(location + "/file").with(as(accounts, "admin"))).andReturn().getResponse();
        try (var result = new XSSFWorkbook(new ByteArrayInputStream(rejected.getContentAsByteArray()))) {
            var s = result.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(6);
            assertThat(s.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(11.0);
        }
        // the same file again: refused in words, in the background too, nothing imported twice
        var again = mvc.perform(MockMvcRequestBuilders.multipart("/hazards/import").file(file)
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(as(accounts, "admin"))).andReturn().getResponse();
        String refused = waitUntilFinished(again.getRedirectedUrl());
        assertThat(refused).contains("data-status=\"FAILED\"").contains("已于");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hazard WHERE description LIKE '后台导入第%'").query(Long.class).single()).isEqualTo(54);
    }
}
