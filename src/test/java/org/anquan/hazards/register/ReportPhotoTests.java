package org.anquan.hazards.register;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** A photo taken on the spot goes with the report: both are stored together, or, if the photo is refused, neither. */
@IntegrationTest
class ReportPhotoTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    MockMultipartHttpServletRequestBuilder report(String description, MockMultipartFile photo) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/hazards").file(photo)
                .param("source", "CITIZEN").param("place", "平安城关街道广场南侧").param("lon", "118.020000").param("lat", "30.020000")
                .param("industryCode", "ROAD_TRANSPORT").param("description", description).param("grade", "GENERAL")
                .with(csrf()).with(as(accounts, "admin"));
    }

    long hazards(String description) {
        return jdbc.sql("SELECT COUNT(*) FROM hazard WHERE description = :d").param("d", description).query(Long.class).single();
    }

    @Test
    void theReportAndItsPhotoAreStoredTogether() throws Exception {
        byte[] jpeg = ExifPhotos.jpegTakenAt(118.02, 30.02);
        var r = mvc.perform(report("广场南侧路灯杆倾斜", new MockMultipartFile("photo", "现场.jpg", "image/jpeg", jpeg))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        long id = Long.parseLong(r.getResponse().getRedirectedUrl().replace("/hazards/", ""));
        var photo = jdbc.sql("SELECT kind, filename, content_type, size_bytes FROM hazard_evidence WHERE hazard_id = :h")
                .param("h", id).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4))
                .single();
        assertThat(photo).isEqualTo("PHOTO 现场.jpg image/jpeg " + jpeg.length);
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'hazard' AND entity_id = :h ORDER BY id")
                .param("h", String.valueOf(id)).query(String.class).list()).containsExactly("CREATE", "UPLOAD");
    }

    @Test
    void aPhotoWhoseBytesAreNoPictureRefusesTheWholeReportAndKeepsTheForm() throws Exception {
        var r = mvc.perform(report("广场北侧护栏松动", new MockMultipartFile("photo", "photo.jpg", "image/jpeg",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(422);
        String html = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-test=\"photo-error\"").contains("广场北侧护栏松动");
        assertThat(hazards("广场北侧护栏松动")).isZero();
    }

    @Test
    void aReportWithoutAPhotoIsStoredAsBefore() throws Exception {
        var r = mvc.perform(report("广场东侧井盖缺失", new MockMultipartFile("photo", "", "application/octet-stream", new byte[0])))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        assertThat(hazards("广场东侧井盖缺失")).isEqualTo(1);
    }
}
