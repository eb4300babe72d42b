package org.anquan.citizen.reports;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.hazards.HazardClosed;
import org.anquan.hazards.Origin;
import org.anquan.hazards.register.ExifPhotos;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.InvalidInputException;
import org.assertj.core.data.Offset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A citizen's report from the portal: routed by the matrix and the map, refused in words for every bad
 * input with nothing stored, its photos cleaned, duplicates offered and merged, and the hazard it became
 * flowing back to the citizen's page.
 */
@IntegrationTest
class CitizenReportTests {

    /** Inside the demo city's first county (平安区), as the hazards' tests place their reports. */
    static final double LON = 118.02;
    static final double LAT = 30.02;

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Intake intake;
    @Autowired Handling handling;
    @Autowired CitizenQueries queries;
    @Autowired Directory directory;
    @Autowired CitizenProperties props;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;

    CurrentUser admin() {
        var a = accounts.findByUsername("admin").orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    Intake.Submitted submit(String category, String description, Double lon, Double lat) {
        return intake.submit(new Intake.Submission(category, description, null, lon, lat, null, null, null, null,
                Map.of(), List.of(), Intake.Source.WEB, null, null, "203.0.113.9"), "citizen");
    }

    long count(String description) {
        return jdbc.sql("SELECT COUNT(*) FROM citizen_report WHERE description = :d").param("d", description).query(Long.class).single();
    }

    @Test
    void aReportIsRoutedToTheLeadDepartmentOfItsCategorysIndustryAndTheCountyOfItsPoint() {
        var done = submit("HAZARD_GAS", "小区燃气管道有异味，测试路由", LON, LAT);
        var row = jdbc.sql("SELECT department_id, county_id, industry_code, status, visible FROM citizen_report WHERE id = :id")
                .param("id", done.id()).query().singleRow();
        assertThat(row.get("department_id")).isEqualTo(directory.responsibleFor("GAS").leadDepartmentId());
        assertThat(((Number) row.get("county_id")).longValue()).isEqualTo(directory.countyAt(new GeoPoint(LON, LAT)).orElseThrow().id());
        assertThat(row.get("industry_code")).isEqualTo("GAS");
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("visible")).isEqualTo(false);
        assertThat(done.trackingCode()).hasSize(10).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
        // the trail names the report and its routing, never the reporter
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_type = 'citizen_report' AND entity_id = :id")
                .param("id", String.valueOf(done.id())).query(String.class).single()).isEqualTo("citizen");
    }

    @Test
    void withoutAPointTheChosenCountyAndAnAddressRouteTheReport() {
        long county = directory.counties().get(1).id();
        var done = intake.submit(new Intake.Submission("FIRE_DANGER", "楼道电动车充电，无定位", "幸福路8号3单元", null, null, county,
                null, null, null, Map.of(), List.of(), Intake.Source.WEB, null, null, null), "citizen");
        assertThat(jdbc.sql("SELECT county_id FROM citizen_report WHERE id = :id").param("id", done.id()).query(Long.class).single())
                .isEqualTo(county);
        assertThatThrownBy(() -> intake.submit(new Intake.Submission("FIRE_DANGER", "只有县区没有地址", null, null, null, county,
                null, null, null, Map.of(), List.of(), Intake.Source.WEB, null, null, null), "citizen"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("address", "citizen.address.required"));
    }

    @Test
    void everyBadInputIsRefusedInWordsAndNothingIsStored() throws Exception {
        String[][] cases = {
                // category, description, lon, lat, the message expected on the page
                {"NOPE", "未知类别的反映", "118.02", "30.02", "请选择反映的类别"},
                {"ROAD_DANGER", "没有地点的反映", "", "", "请告诉我们地点"},
                {"ROAD_DANGER", "本市以外的反映", "116.40", "39.90", "不在本市范围内"},
                {"ROAD_DANGER", "坐标乱写的反映", "abc", "30.02", "不是有效的坐标"},
                {"ROAD_DANGER", "纬度超出范围的反映", "118.02", "95", "不是有效的坐标"},
                {"ROAD_DANGER", "x".repeat(4001), "118.02", "30.02", "不能超过4000字"},
        };
        for (String[] c : cases) {
            var r = mvc.perform(multipart("/report").param("categoryCode", c[0]).param("description", c[1]).param("lon", c[2])
                    .param("lat", c[3]).with(csrf())).andReturn().getResponse();
            assertThat(r.getStatus()).as(c[4]).isEqualTo(400);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as(c[1]).contains(c[4]);
            assertThat(count(c[1])).as(c[1]).isZero();
        }
    }

    @Test
    void markupIsStoredAsTextAndShownEscaped() throws Exception {
        String text = "<script>alert('x')</script><b>工地</b>";
        var done = submit("HAZARD_CONSTRUCTION", text, LON, LAT);
        handling.accept(done.id(), 0, admin());
        assertThat(jdbc.sql("SELECT description FROM citizen_report WHERE id = :id").param("id", done.id()).query(String.class).single())
                .isEqualTo(text);
        String page = mvc.perform(get("/report/" + done.trackingCode())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void aPhotoIsStoredUprightWithoutItsExifAndItsGpsPlacesTheReport() throws Exception {
        byte[] jpeg = ExifPhotos.jpegTakenAt(LON, LAT);
        var r = mvc.perform(multipart("/report").file(new MockMultipartFile("photos", "p.jpg", "image/jpeg", jpeg))
                .param("categoryCode", "ROAD_DANGER").param("description", "护栏断了，照片带位置").with(csrf())).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        var row = jdbc.sql("SELECT r.lon, r.lat, p.content FROM citizen_report r JOIN citizen_photo p ON p.report_id = r.id WHERE r.description = :d")
                .param("d", "护栏断了，照片带位置").query((rs, n) -> new Object[] {rs.getDouble(1), rs.getDouble(2), rs.getBytes(3)}).single();
        assertThat((double) row[0]).isCloseTo(LON, Offset.offset(1e-6));
        assertThat((double) row[1]).isCloseTo(LAT, Offset.offset(1e-6));
        byte[] stored = (byte[]) row[2];
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored))).isNotNull();
    }

    @Test
    void aPhotoTurnedByItsExifOrientationIsStoredUpright() throws Exception {
        // 40 × 20 pixels, marked "turn 90° clockwise to view" (orientation 6): stored 20 × 40
        byte[] jpeg = withOrientation(image(40, 20), 6);
        var cleaned = PhotoCleaner.clean(jpeg, 40_000_000, 2560);
        assertThat(cleaned.width()).isEqualTo(20);
        assertThat(cleaned.height()).isEqualTo(40);
    }

    @Test
    void nonsenseExifGpsWithoutAnotherPlaceIsRefused() throws Exception {
        byte[] jpeg = ExifPhotos.jpegTakenAt(LON, LAT);
        // the GPS latitude's degrees rational rewritten to 95/1: no place on Earth
        byte[] broken = jpeg.clone();
        int at = indexOf(broken, new byte[] {0, 0, 0, 30, 0, 0, 0, 1});
        broken[at + 3] = 95;
        var r = mvc.perform(multipart("/report").file(new MockMultipartFile("photos", "p.jpg", "image/jpeg", broken))
                .param("categoryCode", "ROAD_DANGER").param("description", "照片位置无效").with(csrf())).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("照片中的拍摄位置无效");
        assertThat(count("照片位置无效")).isZero();
    }

    @Test
    void uploadsThatAreNoPicturesOrTooLargeAreRefusedWhole() throws Exception {
        Object[][] cases = {
                {"<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8), "不是有效图片"},
                {new byte[10 * 1024 * 1024 + 1], "超过10MB"},
                {pngDeclaring(8000, 6000), "超过 40 百万像素"},
        };
        int n = 0;
        for (Object[] c : cases) {
            String description = "照片不合格 " + (n++);
            var r = mvc.perform(multipart("/report").file(new MockMultipartFile("photos", "p.jpg", "image/jpeg", (byte[]) c[0]))
                    .param("categoryCode", "ROAD_DANGER").param("description", description).param("lon", "118.02").param("lat", "30.02")
                    .with(csrf())).andReturn().getResponse();
            assertThat(r.getStatus()).as((String) c[1]).isEqualTo(400);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("第1张照片未能接收").contains((String) c[1]);
            assertThat(count(description)).isZero();
        }
    }

    @Test
    void aFloodFromOneAddressGets429WithRetryAfterAndStoresNothing() throws Exception {
        Flood.fill(jdbc, clock, "report:198.51.100.7", props.webPerMinute());
        var r = mvc.perform(multipart("/report").param("categoryCode", "ROAD_DANGER").param("description", "洪水般的提交")
                .param("lon", "118.02").param("lat", "30.02").with(csrf()).with(req -> {
                    req.setRemoteAddr("198.51.100.7");
                    return req;
                })).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(r.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("请求过于频繁");
        assertThat(count("洪水般的提交")).isZero();
    }

    @Test
    void lookingUpCodesFromOneAddressPastTheLimitGets429() throws Exception {
        Flood.fill(jdbc, clock, "lookup:198.51.100.8", props.lookupsPerMinute());
        var r = mvc.perform(get("/report/ZZZZZZZZZZ").with(req -> {
            req.setRemoteAddr("198.51.100.8");
            return req;
        })).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(429);
        assertThat(r.getHeader("Retry-After")).isNotBlank();
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("data-test=\"flooded\"");
    }

    @Test
    void aTrackingCodeThatDoesNotExistAndOneNotPublicYetGetTheSame404() throws Exception {
        var pending = submit("ROAD_DANGER", "待审核的反映", LON, LAT);
        var unknown = mvc.perform(get("/report/ZZZZZZZZZZ")).andReturn().getResponse();
        var notYet = mvc.perform(get("/report/" + pending.trackingCode())).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(notYet.getStatus()).isEqualTo(404);
        assertThat(notYet.getContentAsString(StandardCharsets.UTF_8).replace(pending.trackingCode(), "ZZZZZZZZZZ"))
                .isEqualTo(unknown.getContentAsString(StandardCharsets.UTF_8));
        handling.accept(pending.id(), 0, admin());
        assertThat(mvc.perform(get("/report/" + pending.trackingCode().toLowerCase())).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aReportOfTheSameCategoryNearbyAndRecentIsOfferedAsADuplicateAndMergingKeepsBothReportersInformed() {
        var first = submit("HAZARD_EQUIPMENT", "商场电梯急停，第一次反映", 118.031, 30.031);
        var second = submit("HAZARD_EQUIPMENT", "商场电梯急停，第二次反映", 118.0312, 30.0311);
        var farther = submit("HAZARD_EQUIPMENT", "另一处电梯，五百米外", 118.036, 30.031);
        var otherKind = submit("FIRE_DANGER", "同一地点的消防问题", 118.0312, 30.0311);
        var detail = queries.detail(second.id(), admin());
        var offered = queries.duplicates(detail, props.duplicateRadiusMeters(), props.duplicateWindow()).stream()
                .map(CitizenQueries.Duplicate::id).toList();
        assertThat(offered).contains(first.id()).doesNotContain(farther.id(), otherKind.id(), second.id());

        handling.accept(first.id(), 0, admin());
        handling.merge(second.id(), 0, first.id(), admin());
        handling.close(first.id(), 1, "电梯已停用检修，维保单位已整改。", admin());
        var followed = queries.byCode(second.trackingCode()).orElseThrow();
        assertThat(followed.stage().name()).isEqualTo("CLOSED");
        assertThat(followed.mergedIntoCode()).isEqualTo(first.trackingCode());
        assertThat(queries.publicReplies(second.id())).extracting(CitizenQueries.PublicReply::body).contains("电梯已停用检修，维保单位已整改。");
    }

    @Test
    void aReportTurnedIntoAHazardIsClosedWhenTheHazardIs() {
        var done = submit("HAZARD_WORKPLACE", "粉尘很大，登记为隐患", LON, LAT);
        var opened = handling.toHazard(done.id(), 0, "木材加工车间粉尘积聚，电线私拉乱接", admin());
        var hazard = jdbc.sql("SELECT source, county_id, industry_code FROM hazard WHERE id = :id").param("id", opened.id()).query().singleRow();
        assertThat(hazard.get("source")).isEqualTo("CITIZEN");
        assertThat(hazard.get("industry_code")).isEqualTo("INDUSTRY_TRADE");
        assertThat(queries.byCode(done.trackingCode()).orElseThrow().stage().name()).isEqualTo("CHECKING");
        tx.executeWithoutResult(s -> events.publishEvent(new HazardClosed(opened.id(), opened.code(), OffsetDateTime.now(clock), "admin",
                new Origin("citizen", "report", done.id()))));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("SELECT status FROM citizen_report WHERE id = :id").param("id", done.id()).query(String.class).single().equals("CLOSED"));
        assertThat(queries.byCode(done.trackingCode()).orElseThrow().stage().open311()).isEqualTo("closed");
    }

    @Test
    void aStepTheStatusDoesNotAllowIsRefusedInWords() {
        var done = submit("ROAD_DANGER", "状态不允许的步骤", LON, LAT);
        assertThatThrownBy(() -> handling.close(done.id(), 0, "办结", admin()))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("citizen.step.refused"));
        assertThat(jdbc.sql("SELECT status FROM citizen_report WHERE id = :id").param("id", done.id()).query(String.class).single())
                .isEqualTo(ReportStatus.PENDING.name());
    }

    static byte[] image(int w, int h) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF block holding only the orientation tag. */
    static byte[] withOrientation(byte[] jpeg, int orientation) throws Exception {
        var t = ByteBuffer.allocate(26);
        t.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        t.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0).putInt(0);
        return ExifPhotos.withExif(jpeg, t.array());
    }

    /** A tiny PNG whose header declares the given size. */
    static byte[] pngDeclaring(int w, int h) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] png = out.toByteArray();
        ByteBuffer.wrap(png, 16, 8).putInt(w).putInt(h);
        return png;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
