package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.anquan.IntegrationTest;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reports and evidence uploads arriving together (the audit chain's head is the one row they all
 * touch): every request gets its answer, none a 500, and the chain stays whole. Runs on H2 and on
 * PostgreSQL with the suite.
 */
@IntegrationTest
class ConcurrentWritesTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AuditTrail trail;

    static byte[] png(int size) throws Exception {
        var img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void reportsAndUploadsTogetherMakeNoServerErrorAndKeepTheChainWhole() throws Exception {
        long enterprise = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        String deadline = LocalDate.now(clock).plusDays(30).toString();
        byte[] photo = png(400);
        List<Long> hazards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var created = mvc.perform(post("/api/v1/hazards").with(as(accounts, "dept")).with(csrf()).contentType("application/json")
                    .content("{\"source\":\"DEPT_INSPECTION\",\"enterpriseId\":" + enterprise + ",\"description\":\"并发写入检查" + i
                            + "\",\"grade\":\"GENERAL\",\"deadline\":\"" + deadline + "\"}")).andReturn().getResponse();
            assertThat(created.getStatus()).isEqualTo(201);
            String location = created.getHeader("Location");
            hazards.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        }
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            if (i % 2 == 0) {
                work.add(() -> mvc.perform(post("/api/v1/hazards").with(as(accounts, "dept")).with(csrf()).contentType("application/json")
                        .content("{\"source\":\"DEPT_INSPECTION\",\"enterpriseId\":" + enterprise + ",\"description\":\"并发上报" + n
                                + "\",\"grade\":\"GENERAL\",\"deadline\":\"" + deadline + "\"}")).andReturn().getResponse().getStatus());
            } else {
                long hazard = hazards.get(n % hazards.size());
                work.add(() -> {
                    int version = jdbc.sql("SELECT version FROM hazard WHERE id = :h").param("h", hazard).query(Integer.class).single();
                    return mvc.perform(multipart("/hazards/" + hazard + "/evidence")
                            .file(new MockMultipartFile("file", "现场.png", "image/png", photo)).param("version", String.valueOf(version))
                            .with(as(accounts, "enterprise")).with(csrf())).andReturn().getResponse().getStatus();
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(work)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        // a report is created; an upload is stored, or refused as a conflict when another changed the hazard first
        assertThat(statuses).allMatch(s -> s < 500).contains(201, 302);
        assertThat(trail.verify().intact()).isTrue();
    }
}
