package org.anquan.citizen.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.anquan.IntegrationTest;
import org.anquan.citizen.reports.CitizenFixtures;
import org.anquan.citizen.reports.CitizenProperties;
import org.anquan.citizen.reports.Flood;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.CityTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every Open311 GeoReport v2 endpoint in .json and .xml, its errors in the spec's form, an idempotent POST, and no personal data out. */
@IntegrationTest
class Open311Tests {

    @Autowired MockMvc mvc;
    @Autowired Open311Clients clients;
    @Autowired Accounts accounts;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired CitizenProperties props;
    @Autowired Clock clock;

    String key;

    CurrentUser admin() {
        var a = accounts.findByUsername("admin").orElseThrow();
        return accounts.principalOf(a.id()).user();
    }

    @BeforeEach
    void issueAKey() {
        key = clients.issue("测试热线 " + System.nanoTime(), admin());
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder r) throws Exception {
        return mvc.perform(r).andReturn().getResponse();
    }

    JsonNode jsonOf(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    Document xmlOf(MockHttpServletResponse r) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.getContentAsByteArray()));
    }

    MockHttpServletRequestBuilder postRequest(String format, Map<String, String> params) {
        var r = post("/open311/v2/requests." + format);
        params.forEach(r::param);
        return r;
    }

    Map<String, String> aReport(String description) {
        return Map.of("api_key", key, "service_code", "ROAD_DANGER", "lat", "30.02", "long", "118.02", "description", description,
                "first_name", "小明", "last_name", "王", "phone", "13900001234", "email", "wang@example.cn");
    }

    @Test
    void discoveryServicesAndDefinitionsAnswerInBothFormats() throws Exception {
        var d = call(get("/open311/v2/discovery.json"));
        assertThat(d.getContentType()).startsWith("application/json");
        assertThat(jsonOf(d).get("endpoints").get(0).get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        var dx = xmlOf(call(get("/open311/v2/discovery.xml")));
        assertThat(dx.getDocumentElement().getNodeName()).isEqualTo("discovery");
        assertThat(dx.getElementsByTagName("format").getLength()).isEqualTo(2);

        JsonNode services = jsonOf(call(get("/open311/v2/services.json")));
        assertThat(services.isArray()).isTrue();
        JsonNode mining = null;
        for (JsonNode s : services) {
            assertThat(s.get("type").asString()).isEqualTo("realtime");
            if (s.get("service_code").asString().equals("ILLEGAL_MINING")) {
                mining = s;
            }
        }
        assertThat(mining).isNotNull();
        assertThat(mining.get("metadata").asBoolean()).isTrue();
        assertThat(mining.get("group").asString()).contains("举报");
        assertThat(mining.get("keywords").asString()).contains("盗采");
        var sx = call(get("/open311/v2/services.xml"));
        assertThat(sx.getContentType()).startsWith("text/xml");
        assertThat(xmlOf(sx).getElementsByTagName("service").getLength()).isEqualTo(services.size());

        JsonNode def = jsonOf(call(get("/open311/v2/services/ILLEGAL_MINING.json")));
        assertThat(def.get("service_code").asString()).isEqualTo("ILLEGAL_MINING");
        JsonNode ongoing = def.get("attributes").get(1);
        assertThat(ongoing.get("code").asString()).isEqualTo("ongoing");
        assertThat(ongoing.get("required").asBoolean()).isTrue();
        assertThat(ongoing.get("values").get(0).get("key").asString()).isEqualTo("YES");
        var defx = xmlOf(call(get("/open311/v2/services/ILLEGAL_MINING.xml")));
        assertThat(defx.getElementsByTagName("attribute").getLength()).isEqualTo(2);
        assertThat(defx.getElementsByTagName("value").getLength()).isEqualTo(3);
        // English on request
        assertThat(jsonOf(call(get("/open311/v2/services/ILLEGAL_MINING.json").param("lang", "en"))).get("attributes").get(0)
                .get("description").asString()).contains("business or place");
    }

    @Test
    void aPostIsAcceptedInBothFormatsAndRepeatedWithItsIdempotencyKeyIsOneReport() throws Exception {
        var first = call(postRequest("json", aReport("急弯护栏断裂，Open311 提交")).header("Idempotency-Key", "hotline-0001-" + key));
        assertThat(first.getStatus()).isEqualTo(200);
        String id = jsonOf(first).get(0).get("service_request_id").asString();
        String token = jsonOf(first).get(0).get("token").asString();
        var again = call(postRequest("json", aReport("急弯护栏断裂，Open311 提交")).header("Idempotency-Key", "hotline-0001-" + key));
        assertThat(jsonOf(again).get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_report WHERE description = :d").param("d", "急弯护栏断裂，Open311 提交")
                .query(Long.class).single()).isEqualTo(1);

        var x = call(postRequest("xml", aReport("XML 格式提交的反映")));
        var doc = xmlOf(x);
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("service_requests");
        assertThat(doc.getElementsByTagName("service_request_id").item(0).getTextContent()).hasSize(10);

        // not public until reviewed: the request and its token are 404 (the same as unknown ones)
        assertThat(call(get("/open311/v2/requests/" + id + ".json")).getStatus()).isEqualTo(404);
        assertThat(call(get("/open311/v2/tokens/" + token + ".json")).getStatus()).isEqualTo(404);
        long reportId = jdbc.sql("SELECT id FROM citizen_report WHERE tracking_code = :c").param("c", id).query(Long.class).single();
        CitizenFixtures.accept(context, reportId, 0, admin());

        JsonNode one = jsonOf(call(get("/open311/v2/requests/" + id + ".json"))).get(0);
        assertThat(one.get("status").asString()).isEqualTo("open");
        assertThat(one.get("service_code").asString()).isEqualTo("ROAD_DANGER");
        assertThat(one.get("agency_responsible").asString()).isNotBlank();
        assertThat(one.get("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
        var onex = xmlOf(call(get("/open311/v2/requests/" + id + ".xml")));
        assertThat(onex.getElementsByTagName("status").item(0).getTextContent()).isEqualTo("open");
        JsonNode t = jsonOf(call(get("/open311/v2/tokens/" + token + ".json"))).get(0);
        assertThat(t.get("service_request_id").asString()).isEqualTo(id);
        assertThat(xmlOf(call(get("/open311/v2/tokens/" + token + ".xml"))).getElementsByTagName("token").item(0).getTextContent()).isEqualTo(token);

        // closed with a public answer: status closed, the answer as status_notes
        CitizenFixtures.close(context, reportId, 1, "护栏已修复。", admin());
        JsonNode closed = jsonOf(call(get("/open311/v2/requests.json").param("service_request_id", id))).get(0);
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asString()).isEqualTo("护栏已修复。");
        // nothing personal leaves
        String all = call(get("/open311/v2/requests.json").param("service_request_id", id)).getContentAsString(StandardCharsets.UTF_8)
                + call(get("/open311/v2/requests.xml").param("service_code", "ROAD_DANGER")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).doesNotContain("小明", "13900001234", "wang@example.cn", "admin", "203.0.113");
    }

    @Test
    void getRequestsFiltersByServiceStatusAndDatesWithinNinetyDays() throws Exception {
        var posted = jsonOf(call(postRequest("json", Map.of("api_key", key, "service_code", "FIRE_DANGER", "lat", "30.02", "long", "118.02",
                "description", "消防通道被占，日期筛选"))));
        String id = posted.get(0).get("service_request_id").asString();
        long reportId = jdbc.sql("SELECT id FROM citizen_report WHERE tracking_code = :c").param("c", id).query(Long.class).single();
        CitizenFixtures.accept(context, reportId, 0, admin());
        List<String> fire = codes(jsonOf(call(get("/open311/v2/requests.json").param("service_code", "FIRE_DANGER").param("status", "open"))));
        assertThat(fire).contains(id);
        assertThat(codes(jsonOf(call(get("/open311/v2/requests.json").param("service_code", "ROAD_DANGER"))))).doesNotContain(id);
        assertThat(codes(jsonOf(call(get("/open311/v2/requests.json").param("status", "closed"))))).doesNotContain(id);
        String today = CityTime.dayOf(OffsetDateTime.now(clock), clock).toString();
        assertThat(codes(jsonOf(call(get("/open311/v2/requests.json").param("start_date", today))))).contains(id);
        var xml = xmlOf(call(get("/open311/v2/requests.xml").param("service_code", "FIRE_DANGER")));
        assertThat(xml.getElementsByTagName("request").getLength()).isPositive();
        assertThat(jsonOf(call(get("/open311/v2/requests.json"))).size()).isLessThanOrEqualTo(props.open311MaxResults());
    }

    static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(n -> codes.add(n.get("service_request_id").asString()));
        return codes;
    }

    @Test
    void badRequestsGetTheSpecsErrorListWith400403404InBothFormats() throws Exception {
        Object[][] cases = {
                {post("/open311/v2/requests.json").param("service_code", "ROAD_DANGER"), 403, "api_key"},
                {post("/open311/v2/requests.xml").param("api_key", "o311_wrong").param("service_code", "ROAD_DANGER"), 403, "api_key"},
                {postRequest("json", Map.of("api_key", key, "service_code", "NOPE", "lat", "30.02", "long", "118.02", "description", "x")), 400, "NOPE"},
                {postRequest("xml", Map.of("api_key", key, "service_code", "ROAD_DANGER", "description", "没有地点")), 400, "long"},
                {postRequest("json", Map.of("api_key", key, "service_code", "ROAD_DANGER", "lat", "39.9", "long", "116.4", "description", "外地")), 400, "不在本市"},
                {postRequest("json", Map.of("api_key", key, "service_code", "ROAD_DANGER", "lat", "north", "long", "118.02", "description", "x")), 400, "lat"},
                {postRequest("json", Map.of("api_key", key, "service_code", "ROAD_DANGER", "lat", "30.02", "long", "118.02", "description", "y".repeat(4001))), 400, "4000"},
                {postRequest("json", Map.of("api_key", key, "service_code", "ILLEGAL_MINING", "lat", "30.02", "long", "118.02", "description", "盗采")), 400, "attribute[ongoing]"},
                {get("/open311/v2/requests.json").param("start_date", "2026-01-01T00:00:00Z").param("end_date", "2026-06-01T00:00:00Z"), 400, "90"},
                {get("/open311/v2/requests.xml").param("start_date", "2026-06-01").param("end_date", "2026-05-01"), 400, "end_date"},
                {get("/open311/v2/requests.json").param("start_date", "yesterday"), 400, "start_date"},
                {get("/open311/v2/requests.json").param("status", "pending"), 400, "status"},
                {get("/open311/v2/requests.json").param("service_code", "NOPE"), 400, "NOPE"},
                {get("/open311/v2/services/NOPE.xml"), 404, "NOPE"},
                {get("/open311/v2/requests/ZZZZZZZZZZ.json"), 404, "ZZZZZZZZZZ"},
                {get("/open311/v2/tokens/ZZZZZZZZZZZZZZZZZZZZ.xml"), 404, "token"},
                {get("/open311/v2/services.csv"), 400, ".json"},
        };
        for (Object[] c : cases) {
            var r = call((MockHttpServletRequestBuilder) c[0]);
            int status = (int) c[1];
            String uri = ((MockHttpServletRequestBuilder) c[0]).buildRequest(new MockServletContext()).getRequestURI();
            assertThat(r.getStatus()).as(uri + " " + c[2]).isEqualTo(status);
            String body = r.getContentAsString(StandardCharsets.UTF_8);
            if (uri.endsWith(".json")) {
                JsonNode errors = json.readTree(body);
                assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
                assertThat(errors.get(0).get("description").asString()).as(uri).contains((String) c[2]);
            } else {
                var doc = xmlOf(r);
                assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("errors");
                assertThat(doc.getElementsByTagName("code").item(0).getTextContent()).isEqualTo(String.valueOf(status));
                assertThat(doc.getElementsByTagName("description").item(0).getTextContent()).as(uri).contains((String) c[2]);
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_report WHERE description IN ('没有地点', '外地', '盗采')").query(Long.class).single()).isZero();
    }

    @Test
    void aRevokedKeyIsRefusedAndAFloodedKeyIsToldWhenToComeBack() throws Exception {
        long clientId = jdbc.sql("SELECT id FROM citizen_client WHERE name LIKE '测试热线 %' ORDER BY id DESC LIMIT 1").query(Long.class).single();
        Flood.fill(jdbc, clock, "open311:key:" + clientId, props.open311PerMinute());
        var flooded = call(postRequest("json", aReport("过于频繁的提交")));
        assertThat(flooded.getStatus()).isEqualTo(429);
        assertThat(flooded.getHeader("Retry-After")).isNotBlank();
        assertThat(jsonOf(flooded).get(0).get("code").asInt()).isEqualTo(429);
        clients.revoke(clientId, admin());
        var revoked = call(postRequest("xml", aReport("吊销后的提交")));
        assertThat(revoked.getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_report WHERE description IN ('过于频繁的提交', '吊销后的提交')").query(Long.class).single()).isZero();
    }

    @Test
    void aTipIsNeitherListedNorShownWithItsContentOrPlace() throws Exception {
        var posted = jsonOf(call(postRequest("json", Map.of("api_key", key, "service_code", "ILLEGAL_FIREWORKS", "lat", "30.02", "long", "118.02",
                "description", "出租屋里做烟花，举报内容保密", "attribute[ongoing]", "YES", "phone", "13700007777"))));
        String id = posted.get(0).get("service_request_id").asString();
        long reportId = jdbc.sql("SELECT id FROM citizen_report WHERE tracking_code = :c").param("c", id).query(Long.class).single();
        CitizenFixtures.toClue(context, reportId, 0, "移交打非办", admin());
        JsonNode one = jsonOf(call(get("/open311/v2/requests/" + id + ".json"))).get(0);
        assertThat(one.has("description")).isFalse();
        assertThat(one.has("lat")).isFalse();
        assertThat(one.get("status_notes").asString()).isEqualTo("已移交查处");
        assertThat(codes(jsonOf(call(get("/open311/v2/requests.json").param("service_code", "ILLEGAL_FIREWORKS"))))).doesNotContain(id);
    }
}
