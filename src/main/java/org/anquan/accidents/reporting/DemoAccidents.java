package org.anquan.accidents.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.anquan.accidents.investigation.CreditCandidates;
import org.anquan.shared.CityTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Three years of the demo city's accidents: a few hundred, mostly ordinary ones at its enterprises and
 * on its roads, some 较大 and one 重大, each graded as the policy grades it; those over a year old closed.
 */
@Component
@Order(120)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoAccidents implements ApplicationRunner {

    /** Kinds by industry: what happens where. */
    private static final Map<String, String[]> KINDS = Map.ofEntries(
            Map.entry("COAL_MINE", new String[] {"ROOF_FALL", "GAS_EXPLOSION", "WATER_INRUSH", "VEHICLE"}),
            Map.entry("NON_COAL_MINE", new String[] {"COLLAPSE", "BLASTING", "FALL_FROM_HEIGHT"}),
            Map.entry("HAZ_CHEM", new String[] {"POISONING_ASPHYXIA", "VESSEL_EXPLOSION", "SCALD_BURN", "FIRE_INJURY"}),
            Map.entry("CONSTRUCTION", new String[] {"FALL_FROM_HEIGHT", "STRUCK_BY_OBJECT", "COLLAPSE", "LIFTING", "ELECTRIC_SHOCK"}),
            Map.entry("INDUSTRY_TRADE", new String[] {"MACHINERY", "POISONING_ASPHYXIA", "OTHER_EXPLOSION", "STRUCK_BY_OBJECT"}),
            Map.entry("ROAD_TRANSPORT", new String[] {"ROAD_TRAFFIC"}),
            Map.entry("CROWDED_PLACES", new String[] {"FIRE"}),
            Map.entry("WATER_TRANSPORT", new String[] {"WATER_TRAFFIC"}),
            Map.entry("FISHING_VESSELS", new String[] {"FISHING_VESSEL"}));
    /** The causes of road-traffic accidents, drawn in these proportions: the named four cause over half of them. */
    private static final String[] ROAD_CAUSES = {"DRUNK_DRIVING", "DRUNK_DRIVING", "DRUNK_DRIVING", "ILLEGAL_CARRYING", "ILLEGAL_CARRYING",
            "MOTORCYCLE", "MOTORCYCLE", "MOTORCYCLE", "UNLICENSED", "UNLICENSED", "OTHER", "OTHER", "OTHER", "OTHER", "OTHER", "OTHER"};
    private static final String[] ACCOUNTS = {"作业人员违章操作，防护措施未落实", "设备带病运行，安全装置失效",
            "现场监护缺失，应急处置不当", "驾驶人操作不当，车辆制动失灵", "未办理作业审批，盲目施救"};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AccidentService service;
    private final CreditCandidates credit;
    private final MonthlyFigures monthly;
    private final Clock clock;

    DemoAccidents(JdbcClient jdbc, JdbcTemplate batch, AccidentService service, CreditCandidates credit,
                  MonthlyFigures monthly, Clock clock) {
        this.credit = credit;
        this.monthly = monthly;
        this.jdbc = jdbc;
        this.batch = batch;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM accident").query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM directory_enterprise_view").query(Long.class).single() == 0) {
            return;
        }
        generate(360, new Random(2026));
    }

    void generate(int count, Random random) {
        List<Map<String, Object>> enterprises = jdbc.sql("""
                SELECT id, industry_code, region_id, county_id FROM directory_enterprise_view WHERE industry_code IN (:industries)
                ORDER BY id LIMIT 3000""").param("industries", KINDS.keySet()).query().listOfRows();
        if (enterprises.isEmpty()) {
            return;
        }
        AccidentGrading grading = service.grading();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long first = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM accident").query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> e = enterprises.get(random.nextInt(enterprises.size()));
            String industry = (String) e.get("industry_code");
            String[] kinds = KINDS.get(industry);
            String kind = kinds[random.nextInt(kinds.length)];
            // most accidents kill one person or none; one in twenty is 较大; the one 重大 is a gas explosion
            int deaths = random.nextInt(10) < 6 ? 1 : random.nextInt(3) == 0 ? 2 : 0;
            int serious = random.nextInt(4);
            long loss = 50_000L + random.nextInt(3_000_000);
            if (i % 20 == 7) {
                deaths = 3 + random.nextInt(4);
                loss = 12_000_000L + random.nextInt(20_000_000);
            }
            if (i == 100) {
                deaths = 11;
                serious = 14;
                loss = 61_000_000L;
                kind = "ROAD_TRAFFIC".equals(kind) ? kind : kinds[0];
            }
            OffsetDateTime occurred = now.minusDays(random.nextInt(3 * 365)).minusMinutes(random.nextInt(1440));
            OffsetDateTime learned = occurred.plusMinutes(random.nextInt(40));
            // one report in twelve reaches the county after the hour
            OffsetDateTime reported = learned.plusMinutes(i % 12 == 5 ? 90 + random.nextInt(120) : 10 + random.nextInt(40));
            AccidentGrade grade = grading.grade(deaths, 0, serious, loss);
            Object township = e.get("region_id").equals(e.get("county_id")) ? null : e.get("region_id");
            String cause = "ROAD_TRAFFIC".equals(kind) ? ROAD_CAUSES[random.nextInt(ROAD_CAUSES.length)] : null;
            rows.add(new Object[] {String.format("SG%d-%06d", occurred.getYear(), first + i + 1), occurred, learned, "UNIT", industry,
                    kind, e.get("id"), e.get("county_id"), "厂区作业现场，事故发生后现场已设置警戒",
                    ACCOUNTS[random.nextInt(ACCOUNTS.length)], "已组织救援并送医，现场已封闭，相关设备停用",
                    deaths, 0, serious, random.nextInt(5), loss, grade.name(), i % 12 == 5, "demo", township, cause, reported});
        }
        batch.batchUpdate("""
                INSERT INTO accident (code, occurred_at, learned_at, first_source, industry_code, kind_code, enterprise_id, county_id,
                                      scene, account, measures, deaths, missing, serious_injuries, minor_injuries, direct_loss_yuan,
                                      grade, status, reported_late, concealment_review, reported_by, township_id, road_cause,
                                      reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', ?, FALSE, ?, ?, ?, ?)""", rows);
        // the county passed each one to the city within the two hours (one in fifteen late); the 较大 and above went on to the province
        List<Object[]> hops = new ArrayList<>();
        for (Object[] r : rows) {
            OffsetDateTime reported = (OffsetDateTime) r[r.length - 1];
            OffsetDateTime toCity = reported.plusMinutes(hops.size() % 15 == 4 ? 150 : 40);
            hops.add(new Object[] {r[0], "COUNTY_TO_CITY", reported.plusHours(2), toCity, hops.size() % 15 == 4});
            if (!"GENERAL".equals(r[16])) {
                hops.add(new Object[] {r[0], "CITY_TO_PROVINCE", toCity.plusHours(2), toCity.plusMinutes(50), false});
            }
        }
        batch.batchUpdate("""
                INSERT INTO accident_hop (accident_id, hop, due_at, done_at, done_by, late)
                SELECT id, ?, ?, ?, 'county', ? FROM accident WHERE code = ?""",
                hops.stream().map(h -> new Object[] {h[1], h[2], h[3], h[4], h[0]}).toList());
        // accidents over a year old are investigated and closed, each of the four gates recorded
        OffsetDateTime yearAgo = now.minusYears(1);
        String[][] gates = {{"CAUSE", "事故调查报告已批复，直接原因和间接原因查清", "调查报告批复"},
                {"HANDLED", "对事故单位罚款，对主要负责人和安全管理人员处理", "行政处罚决定书"},
                {"MEASURES", "整改措施经现场验收合格", "整改验收记录"}, {"EDUCATED", "召开事故警示教育会，全员培训", "警示教育签到表"}};
        for (String[] g : gates) {
            jdbc.sql("""
                    INSERT INTO accident_gate (accident_id, gate, note, evidence, recorded_by, recorded_at)
                    SELECT id, :g, :n, :e, 'county', :at FROM accident WHERE occurred_at < :before AND id > :first""")
                    .param("g", g[0]).param("n", g[1]).param("e", g[2]).param("at", yearAgo).param("before", yearAgo)
                    .param("first", first).update();
        }
        // their investigations: set up in a week, reported in fifty days, replied in ten
        List<Object[]> investigations = new ArrayList<>();
        for (Object[] r : rows) {
            OffsetDateTime occurred = (OffsetDateTime) r[1];
            if (occurred.isBefore(yearAgo)) {
                LocalDate day = CityTime.dayOf(occurred, clock);
                investigations.add(new Object[] {"组长：县应急管理局副局长；成员：公安、人社、总工会、行业主管部门", day.plusDays(7),
                        day.plusDays(60), "事调〔" + day.getYear() + "〕" + (investigations.size() + 1) + "号", day.plusDays(50),
                        day.plusDays(65), "政批〔" + day.getYear() + "〕" + (investigations.size() + 1) + "号", day.plusDays(60), r[0]});
            }
        }
        batch.batchUpdate("""
                INSERT INTO accident_investigation (accident_id, team, started_on, report_due, report_number, report_on, reply_due,
                                                    reply_number, reply_on)
                SELECT id, ?, ?, ?, ?, ?, ?, ?, ? FROM accident WHERE code = ?""", investigations);
        // the persons and units handled and the report's measures, done, for each closed one
        List<Object[]> handled = new ArrayList<>();
        List<Object[]> measures = new ArrayList<>();
        for (Object[] inv : investigations) {
            LocalDate replied = (LocalDate) inv[7];
            handled.add(new Object[] {null, null, "FINE", "对事故单位处以罚款", 200_000L + random.nextInt(8) * 50_000L, replied,
                    "应急罚〔" + replied.getYear() + "〕" + (handled.size() + 1) + "号", yearAgo, inv[8]});
            handled.add(new Object[] {"王" + "明华建国志强海涛".charAt(random.nextInt(8)) + "某", "主要负责人", "INTERVIEW",
                    "约谈主要负责人，责令全面排查整改", null, replied, "安委办约〔" + replied.getYear() + "〕" + (handled.size() + 1) + "号", yearAgo,
                    inv[8]});
            measures.add(new Object[] {"全面排查同类作业风险，完善作业审批和现场监护制度", "主要负责人", replied.plusDays(60), "已完成并经验收",
                    replied.plusDays(50), yearAgo, inv[8]});
        }
        batch.batchUpdate("""
                INSERT INTO accident_accountability (accident_id, person, position, unit, measure, detail, fine_yuan, decided_on, document,
                                                     recorded_by, recorded_at)
                SELECT a.id, ?, ?, COALESCE(e.name, a.place, '事故单位'), ?, ?, ?, ?, ?, 'county', ?
                FROM accident a LEFT JOIN directory_enterprise_view e ON e.id = a.enterprise_id WHERE a.code = ?""", handled);
        batch.batchUpdate("""
                INSERT INTO accident_recommendation (accident_id, measure, owner_unit, owner_person, deadline, status, done_note, done_on,
                                                     recorded_by, recorded_at)
                SELECT a.id, ?, COALESCE(e.name, a.place, '事故单位'), ?, ?, 'DONE', ?, ?, 'county', ?
                FROM accident a LEFT JOIN directory_enterprise_view e ON e.id = a.enterprise_id WHERE a.code = ?""", measures);
        jdbc.sql("UPDATE accident SET status = 'CLOSED', closed_at = :at, closed_by = 'county' WHERE occurred_at < :before AND id > :first")
                .param("at", yearAgo).param("before", yearAgo).param("first", first).update();
        // a recent one the authorities heard of from a tip first, awaiting its concealment review
        jdbc.sql("""
                UPDATE accident SET first_source = 'TIP', concealment_review = TRUE
                WHERE id = (SELECT MAX(id) FROM accident WHERE status = 'REPORTED' AND grade = 'GENERAL' AND id > :first)""")
                .param("first", first).update();
        jdbc.sql("SELECT DISTINCT enterprise_id FROM accident WHERE grade <> 'GENERAL' AND enterprise_id IS NOT NULL AND id > :first")
                .param("first", first).query(Long.class).list().forEach(credit::evaluate);
        monthly.rebuildAll();
        long last = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM accident").query(Long.class).single();
        jdbc.sql("ALTER SEQUENCE accident_code_seq RESTART WITH " + (last + 1)).update();
    }
}
