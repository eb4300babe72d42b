package org.anquan.alerts.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URL;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/** CAP 1.2 messages as written validate against the official schema; each rule the schema cannot express refuses a message that breaks it. */
class CapMessageTests {

    /** The official OASIS schema as the application carries it; its SHA-256 is the published file's. */
    static final URL OFFICIAL = CapMessages.class.getResource("/cap/cap-v1.2.xsd");
    static final String OFFICIAL_SHA256 = "571330f3bdb87aad2c85c9508b1d0b61173158dc2db4423fd24114d3ab80687e";
    static final OffsetDateTime SENT = OffsetDateTime.of(2026, 11, 28, 14, 5, 7, 123_000_000, ZoneId.of("Asia/Shanghai").getRules()
            .getOffset(LocalDateTime.of(2026, 11, 28, 14, 5)));

    static CapMessages.Message message(List<String> polygons) {
        return new CapMessages.Message("safety.example.2026.7", "safety.example", SENT, "Alert", "Public", null, "Fire", "森林火险",
                "Expected", "Severe", "Likely", SENT.plusHours(1), SENT.plusDays(1), "市安委办", "平安区森林火险橙色预警",
                "森林火险气象等级达到四级（高）。", "严禁野外用火。", null, "平安区",
                polygons);
    }

    @Test
    void aWrittenMessageValidatesAgainstTheOfficialSchemaAndCarriesOffsetTimesToTheSecond() throws Exception {
        String xml = CapMessages.write(message(List.of("30.1,118.0 30.1,118.2 30.3,118.2 30.1,118.0")));
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(OFFICIAL);
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<sent>2026-11-28T14:05:07+08:00</sent>").contains("<language>zh-CN</language>")
                .contains("<polygon>30.1,118.0 30.1,118.2 30.3,118.2 30.1,118.0</polygon>");
        // the schema the application checks with is the official one, byte for byte
        try (var in = OFFICIAL.openStream()) {
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())))
                    .isEqualTo(OFFICIAL_SHA256);
        }
    }

    static String valid() {
        return CapMessages.write(message(List.of("30.1,118.0 30.1,118.2 30.3,118.2 30.1,118.0")));
    }

    static void refused(String xml, String key) {
        assertThatThrownBy(() -> CapMessages.check(xml)).isInstanceOfSatisfying(CapMessages.Invalid.class,
                e -> assertThat(e.reasons()).extracting(CapMessages.Reason::key).contains(key));
    }

    @Test
    void aZuluOrFractionalTimeIsRefusedWithItsReason() {
        refused(valid().replace("<sent>2026-11-28T14:05:07+08:00</sent>", "<sent>2026-11-28T06:05:07Z</sent>"), "cap.time.zulu");
        refused(valid().replace("<sent>2026-11-28T14:05:07+08:00</sent>", "<sent>2026-11-28T14:05:07.5+08:00</sent>"), "cap.time.form");
    }

    @Test
    void anUnclosedPolygonIsRefused() {
        refused(valid().replace("30.1,118.0 30.1,118.2 30.3,118.2 30.1,118.0", "30.1,118.0 30.1,118.2 30.3,118.2 30.2,118.0"), "cap.polygon.open");
        refused(valid().replace("30.1,118.0 30.1,118.2 30.3,118.2 30.1,118.0", "30.1,118.0 30.1,118.2 30.1,118.0"), "cap.polygon.points");
        assertThatThrownBy(() -> CapMessages.write(message(List.of("30.1,118.0 30.1,118.2 30.3,118.2 30.2,118.0"))))
                .isInstanceOf(CapMessages.Invalid.class);
    }

    @Test
    void restrictionNeedsScopeRestrictedAndAddressesNeedScopePrivate() {
        refused(valid().replace("<scope>Public</scope>", "<scope>Public</scope><restriction>officials only</restriction>"),
                "cap.restriction.scope");
        refused(valid().replace("<scope>Public</scope>", "<scope>Public</scope><addresses>duty-office</addresses>"), "cap.addresses.scope");
        CapMessages.check(valid().replace("<scope>Public</scope>", "<scope>Restricted</scope><restriction>officials only</restriction>"));
        CapMessages.check(valid().replace("<scope>Public</scope>", "<scope>Private</scope><addresses>duty-office</addresses>"));
    }

    @Test
    void aCeilingNeedsAnAltitudeNotBelowIt() {
        String area = "<areaDesc>平安区</areaDesc><polygon>30.1,118.0 30.1,118.2 30.3,118.2 30.1,118.0</polygon>";
        refused(valid().replace(area, area + "<ceiling>300</ceiling>"), "cap.ceiling.alone");
        refused(valid().replace(area, area + "<altitude>500</altitude><ceiling>300</ceiling>"), "cap.altitude.above.ceiling");
        CapMessages.check(valid().replace(area, area + "<altitude>100</altitude><ceiling>300</ceiling>"));
    }

    @Test
    void anExpiryBeforeTheOnsetAndAMessageTheSchemaRefusesAreNamed() {
        refused(valid().replace("<expires>2026-11-29T14:05:07+08:00</expires>", "<expires>2026-11-28T12:00:00+08:00</expires>"),
                "cap.expires.before.onset");
        refused(valid().replace("<urgency>Expected</urgency>", "<urgency>Soon</urgency>"), "cap.schema");
        refused("<alert", "cap.schema");
    }
}
