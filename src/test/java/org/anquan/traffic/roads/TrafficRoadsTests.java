package org.anquan.traffic.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Random;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.InvalidInputException;
import org.anquan.traffic.roads.Roads.TunnelClass;
import org.anquan.traffic.seizures.Seizures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accident-prone segments from the accident register and from an officer's list, tunnel classes and danger, seizures traced and disposed. */
@IntegrationTest
class TrafficRoadsTests {

    @Autowired Roads roads;
    @Autowired Seizures seizures;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    CurrentUser user(String username) {
        return accounts.principalOf(accounts.findByUsername(username).orElseThrow().id()).user();
    }

    /** A road-traffic accident at the point, with its deaths, as the accident register holds it. */
    void accident(GeoPoint p, long county, int deaths, OffsetDateTime at) {
        long n = jdbc.sql("SELECT COUNT(*) FROM accident").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO accident (code, occurred_at, learned_at, first_source, industry_code, kind_code, place, lon, lat, county_id, scene, account,
                    measures, deaths, missing, serious_injuries, minor_injuries, direct_loss_yuan, grade, status, reported_late, concealment_review,
                    reported_by, reported_at)
                VALUES (:code, :at, :at, 'UNIT', 'ROAD_TRANSPORT', 'ROAD_TRAFFIC', '测试路段', :lon, :lat, :county, '现场', '经过', '措施', :deaths, 0, 0, 0,
                    10000, 'GENERAL', 'REPORTED', FALSE, FALSE, 'test', :at)""")
                .param("code", "T" + (900000 + n)).param("at", at).param("lon", p.lon()).param("lat", p.lat()).param("county", county)
                .param("deaths", deaths).update();
    }

    @Test
    void aSegmentBecomesAccidentProneFromTheAccidentsOnItsLine() {
        CurrentUser officer = user("county");
        long county = officer.regionId();
        GeoPoint a = directory.randomPointIn(county, new Random(77)).orElseThrow();
        GeoPoint b = new GeoPoint(a.lon() + 0.0001, a.lat() + 0.0001);
        long id = roads.addSegment(new Roads.SegmentInput("X901", "K1", "K2", "测试弯道", county, "县公路段", a.lat(), a.lon(), b.lat(), b.lon(), false,
                null), officer);
        OffsetDateTime lately = OffsetDateTime.now(clock).minusDays(30);
        // beside the line (about 100 m), far from it (a few km), and too long ago
        GeoPoint near = new GeoPoint(a.lon() + 0.001, a.lat());
        accident(near, county, 1, lately);
        accident(near, county, 0, lately.minusDays(10));
        accident(new GeoPoint(a.lon() + 0.05, a.lat() + 0.05), county, 5, lately);
        accident(near, county, 4, OffsetDateTime.now(clock).minusYears(4));
        Roads.Segment s = roads.segments(officer.scope()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        assertThat(s.accidents()).hasSize(2);
        assertThat(s.deaths()).isEqualTo(1);
        assertThat(s.prone()).isFalse();
        accident(near, county, 0, lately.minusDays(20));
        s = roads.segments(officer.scope()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        assertThat(s.accidents()).hasSize(3);
        assertThat(s.prone()).as("three accidents in the window").isTrue();

        // rectified once through the hazards facade, owned by the road's maintainer
        var opened = roads.rectify("segment", id, "增设避险车道和减速标线", LocalDate.now(clock).plusDays(60), officer);
        assertThat(jdbc.sql("SELECT responsible_person FROM hazard WHERE id = :id").param("id", opened.id()).query(String.class).single())
                .isEqualTo("县公路段");
        assertThatThrownBy(() -> roads.rectify("segment", id, "再交办", LocalDate.now(clock).plusDays(60), officer))
                .isInstanceOf(BusinessException.class).hasMessage("traffic.road.hazard.exists");
    }

    @Test
    void anOfficerListsASegmentWithAReasonAndItsEndsMustLieInTheCounty() {
        CurrentUser officer = user("county");
        long county = officer.regionId();
        GeoPoint a = directory.randomPointIn(county, new Random(78)).orElseThrow();
        assertThatThrownBy(() -> roads.addSegment(new Roads.SegmentInput("X902", "K1", "K2", "无理由", county, "县公路段", a.lat(), a.lon(), a.lat(),
                a.lon(), true, " "), officer)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> roads.addSegment(new Roads.SegmentInput("X902", "K1", "K2", "界外", county, "县公路段", a.lat(), a.lon(), 10.0, 10.0,
                false, null), officer)).isInstanceOf(InvalidInputException.class);
        long id = roads.addSegment(new Roads.SegmentInput("X902", "K1", "K2", "急弯", county, "县公路段", a.lat(), a.lon(), a.lat(), a.lon(), true,
                "视距不良，群众多次反映"), officer);
        assertThat(roads.segments(officer.scope()).stream().filter(x -> x.id() == id).findFirst().orElseThrow().prone()).isTrue();
    }

    @Test
    void tunnelsAreClassedByLengthAndDangerousByBoreOrHistory() {
        Object[][] lengths = {{500, TunnelClass.SHORT}, {501, TunnelClass.MEDIUM}, {1000, TunnelClass.MEDIUM}, {1001, TunnelClass.LONG},
                {3000, TunnelClass.LONG}, {3001, TunnelClass.EXTRA_LONG}};
        for (Object[] l : lengths) {
            assertThat(roads.classOf((int) l[0])).as(l[0] + " m").isEqualTo(l[1]);
        }
        assertThat(roads.dangerous(TunnelClass.LONG, true, 0, 0)).isTrue();
        assertThat(roads.dangerous(TunnelClass.MEDIUM, true, 0, 0)).isFalse();
        assertThat(roads.dangerous(TunnelClass.EXTRA_LONG, false, 0, 0)).isFalse();
        assertThat(roads.dangerous(TunnelClass.SHORT, false, 0, 1)).isTrue();
        assertThat(roads.dangerous(TunnelClass.SHORT, false, 1, 0)).isTrue();
        CurrentUser officer = user("county");
        GeoPoint p = directory.randomPointIn(officer.regionId(), new Random(79)).orElseThrow();
        assertThatThrownBy(() -> roads.addTunnel(new Roads.TunnelInput("负长度隧道", "G1", "K1", officer.regionId(), "处", -5, true, 100,
                BigDecimal.ONE, 0, 0, p.lat(), p.lon()), officer)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> roads.addTunnel(new Roads.TunnelInput("占比超百", "G1", "K1", officer.regionId(), "处", 800, true, 100,
                BigDecimal.valueOf(120), 0, 0, p.lat(), p.lon()), officer)).isInstanceOf(InvalidInputException.class);
        long id = roads.addTunnel(new Roads.TunnelInput("测试长隧道", "G1", "K1", officer.regionId(), "处", 2400, true, 9000, BigDecimal.TEN, 0, 0,
                p.lat(), p.lon()), officer);
        assertThat(roads.tunnels(officer.scope()).stream().filter(t -> t.id() == id).findFirst().orElseThrow().dangerous()).isTrue();
    }

    @Test
    void seizuresAreTracedToTheirSourcesAndDisposedOfOnceWithProof() {
        CurrentUser officer = user("county");
        long county = officer.regionId();
        String countyName = directory.region(county).orElseThrow().name();
        LocalDate today = LocalDate.now(clock);
        assertThatThrownBy(() -> seizures.record(new Seizures.SeizureInput(today, county, "检查点", "执法大队", null, null, "MODIFIED", "加高栏板",
                null, null, null, null, null, null), officer)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> seizures.record(new Seizures.SeizureInput(today, county, "检查点", "执法大队", null, "LFV2A21K5I3000001", "MODIFIED",
                "加高栏板", null, null, null, null, null, null), officer)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> seizures.record(new Seizures.SeizureInput(today.plusDays(1), county, "检查点", "执法大队", "皖A11111", null,
                "MODIFIED", "加高栏板", null, null, null, null, null, null), officer)).isInstanceOf(InvalidInputException.class);
        String shop = "测试改装厂" + System.nanoTime();
        long first = seizures.record(new Seizures.SeizureInput(today.minusDays(3), county, "检查点", "执法大队", "皖A11111", null, "MODIFIED",
                "加高栏板", null, null, null, null, shop, countyName + "工业园"), officer);
        assertThat(seizures.sources().stream().filter(s -> s.name().equals(shop)).findFirst().orElseThrow().target()).isFalse();
        seizures.record(new Seizures.SeizureInput(today.minusDays(1), county, "检查点", "执法大队", null, "LFV2A21K5P3000002", "MODIFIED", "加装副油箱",
                null, null, null, null, shop, countyName + "工业园"), officer);
        var source = seizures.sources().stream().filter(s -> s.name().equals(shop)).findFirst().orElseThrow();
        assertThat(source.seizures()).isEqualTo(2);
        assertThat(source.target()).isTrue();
        assertThat(source.countyId()).isEqualTo(county);
        seizures.openHazard(source.id(), "无资质从事货车改装", today.plusDays(30), "厂长", officer);

        var z = seizures.seizure(first, officer.scope());
        assertThatThrownBy(() -> seizures.dispose(first, z.version(), "SCRAPPED", " ", today, null, null, officer)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> seizures.dispose(first, z.version(), "SCRAPPED", "证明", today.minusDays(10), null, null, officer))
                .isInstanceOf(InvalidInputException.class);
        // a file that is not what it claims is refused, and nothing is disposed of
        assertThatThrownBy(() -> seizures.dispose(first, z.version(), "SCRAPPED", "证明", today, "<html>not a photo</html>".getBytes(), "a.jpg", officer))
                .isInstanceOf(BusinessException.class);
        assertThat(seizures.seizure(first, officer.scope()).pending()).isTrue();
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        seizures.dispose(first, z.version(), "RETURNED_RECTIFIED", "恢复原状，验收人：李某", today, pdf, "验收单.pdf", officer);
        assertThat(seizures.proof(first, officer.scope()).orElseThrow().contentType()).isEqualTo("application/pdf");
        assertThatThrownBy(() -> seizures.dispose(first, z.version() + 1, "SCRAPPED", "再处置", today, null, null, officer))
                .isInstanceOf(BusinessException.class).hasMessage("traffic.seizure.disposed");
        assertThat(seizures.seizure(first, officer.scope()).disposition()).isEqualTo("RETURNED_RECTIFIED");
    }
}
