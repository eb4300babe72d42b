package org.anquan;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.validation.constraints.Size;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anquan.hazards.register.HazardInput;
import org.anquan.platform.security.Accounts;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every text field of every input record has a bound no larger than the column that stores it, and
 * an over-long value is refused with the field named, in the service and through the API: never a
 * database error, never a 500.
 */
@IntegrationTest
class FieldBoundsTests {

    static final String TOO_LONG = "超".repeat(5001);

    /** Each input record's text fields and the column each is stored in ("" where it is only looked up or parsed). */
    static final Map<Class<?>, Map<String, String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(HazardInput.class, Map.of("place", "hazard.place", "industryCode", "hazard.industry_code",
                "categoryCode", "hazard.category_code", "description", "hazard.description",
                "responsiblePerson", "hazard.responsible_person", "responsiblePhone", "hazard.responsible_phone",
                "routingReason", "hazard.routing_override"));
        COLUMNS.put(type("org.anquan.hazards.register.HazardActionForm"), Map.ofEntries(Map.entry("reason", "hazard.routing_override"),
                Map.entry("person", "hazard.responsible_person"), Map.entry("phone", "hazard.responsible_phone"),
                Map.entry("note", "hazard_event.note"), Map.entry("planMeasures", "hazard.plan_measures"),
                Map.entry("planOwner", "hazard.plan_owner"), Map.entry("planEmergency", "hazard.plan_emergency"),
                Map.entry("inspectors", "hazard.acceptance_inspectors"), Map.entry("findings", "hazard.acceptance_findings"),
                Map.entry("planFundsNote", "hazard.plan_funds_note"), Map.entry("application", "hazard.resumption_application"),
                Map.entry("reviewNote", "hazard.resumption_review_note")));
        COLUMNS.put(type("org.anquan.hazards.measures.Measures$MeasureInput"), Map.of("industryCode", "measure.industry_code",
                "categoryCode", "measure.category_code", "title", "measure.title", "content", "measure.content",
                "hazardCodes", "", "owner", "measure.owner"));
        COLUMNS.put(type("org.anquan.directory.enterprises.EnterpriseInput"), Map.of("name", "enterprise.name", "creditCode", "",
                "industryCode", "enterprise.industry_code", "address", "enterprise.address",
                "principalName", "enterprise.principal_name", "principalPhone", "enterprise.principal_phone",
                "safetyManagerName", "enterprise.safety_manager_name", "safetyManagerPhone", "enterprise.safety_manager_phone"));
        COLUMNS.put(type("org.anquan.directory.enterprises.EnterpriseInput$LicenceInput"), Map.of("kind", "licence.kind", "licenceNo", "licence.licence_no",
                "issuedBy", "licence.issued_by"));
    }

    /** A form record its feature keeps package-private. */
    static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Clock clock;

    /** The record with every component empty but one. */
    static Object with(Class<?> type, String field, Object value) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals(field) ? value : types[i] == boolean.class ? false : null;
        }
        Constructor<?> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        return c.newInstance(args);
    }

    @Test
    void everyTextFieldOfEveryInputRecordIsBoundedAndNamedWhenTooLong() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var entry : COLUMNS.entrySet()) {
            Class<?> type = entry.getKey();
            for (RecordComponent rc : type.getRecordComponents()) {
                if (rc.getType() != String.class) {
                    continue;
                }
                if (!entry.getValue().containsKey(rc.getName())) {
                    wrong.add(type.getSimpleName() + "." + rc.getName() + " is not in the column table of this test");
                    continue;
                }
                try {
                    Inputs.check(with(type, rc.getName(), TOO_LONG));
                    wrong.add(type.getSimpleName() + "." + rc.getName() + " takes 5001 characters");
                } catch (InvalidInputException e) {
                    if (!"validation.too.long".equals(e.fieldErrors().get(rc.getName()))) {
                        wrong.add(type.getSimpleName() + "." + rc.getName() + " → " + e.fieldErrors());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyBoundFitsTheColumnThatStoresTheValue() {
        List<String> wrong = new ArrayList<>();
        for (var entry : COLUMNS.entrySet()) {
            for (RecordComponent rc : entry.getKey().getRecordComponents()) {
                String column = entry.getValue().get(rc.getName());
                Size size = rc.getAccessor().getAnnotation(Size.class) != null ? rc.getAccessor().getAnnotation(Size.class)
                        : rc.getAnnotation(Size.class);
                if (column == null || column.isEmpty() || size == null) {
                    continue;
                }
                String[] tc = column.split("\\.");
                Integer width = jdbc.sql("SELECT character_maximum_length FROM information_schema.columns "
                                + "WHERE LOWER(table_name) = :t AND LOWER(column_name) = :c")
                        .param("t", tc[0]).param("c", tc[1]).query(Integer.class).optional().orElse(null);
                if (width == null) {
                    wrong.add(column + " does not exist");
                } else if (size.max() > width) {
                    wrong.add(entry.getKey().getSimpleName() + "." + rc.getName() + " takes " + size.max() + " but " + column
                            + " holds " + width);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anOverLongLicenceFieldIsNamedWithItsRow() throws Exception {
        Object licence = with(type("org.anquan.directory.enterprises.EnterpriseInput$LicenceInput"), "licenceNo", TOO_LONG);
        try {
            Inputs.check(with(type("org.anquan.directory.enterprises.EnterpriseInput"), "licences", List.of(licence)));
            throw new AssertionError("an over-long licence number was taken");
        } catch (InvalidInputException e) {
            assertThat(e.fieldErrors()).containsEntry("licences[0].licenceNo", "validation.too.long");
        }
    }

    /** The API refuses each over-long field with a 400 that names it, and stores nothing. */
    @Test
    void theApiNamesEveryOverLongFieldOfAReportAnEnterpriseAndAnAction() throws Exception {
        long hazard = jdbc.sql("SELECT MIN(id) FROM hazard WHERE status = 'ASSIGNED'").query(Long.class).single();
        Map<String, Class<?>> endpoints = new LinkedHashMap<>();
        endpoints.put("/api/v1/hazards", HazardInput.class);
        endpoints.put("/api/v1/enterprises", type("org.anquan.directory.enterprises.EnterpriseInput"));
        endpoints.put("/api/v1/hazards/" + hazard + "/actions/plan", type("org.anquan.hazards.register.HazardActionForm"));
        long hazards = jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single();
        List<String> wrong = new ArrayList<>();
        for (var endpoint : endpoints.entrySet()) {
            for (RecordComponent rc : endpoint.getValue().getRecordComponents()) {
                if (rc.getType() != String.class) {
                    continue;
                }
                String body = "{\"version\": 0, \"" + rc.getName() + "\": \"" + TOO_LONG + "\"}";
                var r = mvc.perform(post(endpoint.getKey()).with(as(accounts, "admin")).with(csrf())
                        .contentType("application/json").content(body)).andReturn().getResponse();
                String json = r.getContentAsString(StandardCharsets.UTF_8);
                if (r.getStatus() != 400 || !json.contains("\"" + rc.getName() + "\"")) {
                    wrong.add(endpoint.getKey() + " " + rc.getName() + " → " + r.getStatus() + " " + json);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single()).isEqualTo(hazards);
    }

    @Test
    void aDateYearsAheadIsATypingErrorAndIsRefusedWithTheFieldNamed() throws Exception {
        long enterprise = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        String farAhead = LocalDate.now(clock).plusYears(36).toString();
        var report = mvc.perform(post("/api/v1/hazards").with(as(accounts, "admin")).with(csrf()).contentType("application/json")
                .content("{\"source\":\"DEPT_INSPECTION\",\"enterpriseId\":" + enterprise
                        + ",\"description\":\"年份写错\",\"grade\":\"GENERAL\",\"deadline\":\"" + farAhead + "\"}"))
                .andReturn().getResponse();
        assertThat(report.getStatus()).isEqualTo(400);
        assertThat(report.getContentAsString(StandardCharsets.UTF_8)).contains("\"deadline\"");
        var licence = mvc.perform(post("/api/v1/enterprises").with(as(accounts, "admin")).with(csrf()).contentType("application/json")
                .content("{\"licences\":[{\"kind\":\"安全生产许可证\",\"licenceNo\":\"X1\",\"validUntil\":\"" + farAhead + "\"}]}"))
                .andReturn().getResponse();
        assertThat(licence.getStatus()).isEqualTo(400);
        assertThat(licence.getContentAsString(StandardCharsets.UTF_8)).contains("licences[0].validUntil");
    }
}
