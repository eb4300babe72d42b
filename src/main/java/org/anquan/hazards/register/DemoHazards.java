package org.anquan.hazards.register;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import org.anquan.platform.documents.DocumentNumbers;
import org.anquan.platform.security.Accounts;
import org.anquan.shared.CityTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hazards of the demo city over the past months, in every status, some overdue, routed as the
 * matrix says. Runs after the demo city is loaded. Also the benchmark's generator.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoHazards implements ApplicationRunner {

    private static final Set<String> OPEN = Set.of("ASSIGNED", "RECTIFYING", "SUBMITTED");
    private static final String[] STATUSES = {"REPORTED", "ASSIGNED", "RECTIFYING", "RECTIFYING", "SUBMITTED", "CLOSED", "CLOSED", "CLOSED"};

    /** Where in a workplace a finding was made: makes the demo's descriptions read like inspectors' notes. */
    private static final String[] WHERE = {"一号生产车间", "成品仓库", "罐区东侧", "配电室", "二楼走廊", "原料堆场", "锅炉房",
            "装卸平台", "地下室", "员工宿舍楼", "食堂操作间", "危废暂存间", "厂区北门", "三号线工段"};
    /** Findings any workplace may have, for industries without a catalogue of categories. */
    private static final String[] COMMON = {"消防通道堆放杂物", "安全警示标志缺失", "特种作业人员无证上岗", "应急照明失效",
            "电气线路私拉乱接", "劳动防护用品配备不足", "安全培训记录不全", "灭火器过期未更换", "应急预案未按期演练"};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final Accounts accounts;

    private final DocumentNumbers numbers;
    private final TransactionTemplate tx;

    DemoHazards(JdbcClient jdbc, JdbcTemplate batch, Clock clock, Accounts accounts,
                DocumentNumbers numbers, TransactionTemplate tx) {
        this.numbers = numbers;
        this.tx = tx;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single() == 0
                && jdbc.sql("SELECT COUNT(*) FROM directory_enterprise_view").query(Long.class).single() > 0) {
            generate(240, new Random(2026));
            accounts.findByUsername("enterprise").map(a -> a.enterpriseId()).ifPresent(this::demoEnterpriseHazards);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM measure").query(Long.class).single() == 0
                && jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single() > 0) {
            demoMeasures();
        }
    }

    /**
     * The campaign's list of institutional measures (制度措施清单): what the city and a county adopted
     * after the hazards that led to them, each linked to a few of those hazards.
     */
    void demoMeasures() {
        Long city = jdbc.sql("SELECT id FROM directory_region_view WHERE region_level = 'CITY'").query(Long.class).optional().orElse(null);
        Long county = jdbc.sql("SELECT MIN(id) FROM directory_region_view WHERE region_level = 'COUNTY'").query(Long.class).single();
        if (city == null || county == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Object[][] measures = {
                {"HAZ_CHEM", "HC_NO_GAS_DETECTION", city, "危险化学品企业可燃有毒气体检测报警装置季度检测制度",
                        "涉及可燃有毒气体的企业每季度委托有资质机构检测报警装置一次，检测记录报县区应急管理部门备案；报警信号接入企业中控室和园区监控平台。", 75},
                {"INDUSTRY_TRADE", "IT_CONFINED_SPACE", county, "有限空间作业“先通风、再检测、后作业”执行细则",
                        "工贸企业有限空间作业实行作业审批、专人监护和作业前气体检测；未经检测或检测不合格的一律不得作业，监护人员不得离岗。", 48},
                {"FIREWORKS", "FW_ILLEGAL_STORAGE", city, "烟花爆竹批发仓储超量储存联合检查机制",
                        "春节前后由应急管理、公安、市场监管部门联合检查批发企业仓库核定药量和实际储量，超量储存的责令立即转运并依法处罚。", 30},
                {"ROAD_TRANSPORT", null, city, "重点营运车辆动态监控闭环管理办法",
                        "“两客一危”车辆超速、疲劳驾驶报警由企业监控人员十分钟内处置并留痕，交通运输部门每周通报处置率，连续两周低于九成的约谈企业负责人。", 14}};
        String[] owners = {"市应急管理局危化科 张伟", "县应急管理局工贸股 李娜", "市应急管理局烟花爆竹科 王磊", "市交通运输局运管科 赵敏"};
        for (int n = 0; n < measures.length; n++) {
            Object[] m = measures[n];
            Long department = jdbc.sql("SELECT department_id FROM directory_responsibility_view WHERE industry_code = :i AND lead = TRUE")
                    .param("i", m[0]).query(Long.class).optional().orElse(null);
            if (department == null) {
                continue;
            }
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO measure (industry_code, category_code, region_id, title, content, department_id, adopted_on, created_by, created_at,
                                         owner, funds, due_on, state, completed_on, accepted_by)
                    VALUES (:i, :c, :r, :t, :content, :d, :on, 'admin', :at, :owner, :funds, :due, :state, :done, :acceptedBy)""")
                    // the first measure is done and accepted; the others are being carried out
                    .param("owner", owners[n]).param("funds", new BigDecimal(n == 3 ? "0" : (n + 1) * 50_000 + ""))
                    .param("due", today.plusDays(30L * (n + 1) - (Integer) m[5])).param("state", n == 0 ? "COMPLETED" : "ACTIVE")
                    .param("done", n == 0 ? today.minusDays(5) : null).param("acceptedBy", n == 0 ? "市安委办 刘强、周敏" : null)
                    .param("i", m[0]).param("c", m[1]).param("r", m[2]).param("t", m[3]).param("content", m[4])
                    .param("d", department).param("on", today.minusDays((Integer) m[5]))
                    .param("at", OffsetDateTime.now(clock).minusDays((Integer) m[5])).update(keys, "id");
            long id = keys.getKeyAs(Number.class).longValue();
            jdbc.sql("INSERT INTO measure_history (measure_id, at, actor, action, note) VALUES (:m, :at, 'admin', 'CREATE', :t)")
                    .param("m", id).param("at", OffsetDateTime.now(clock).minusDays((Integer) m[5])).param("t", m[3]).update();
            if (n == 0) {
                jdbc.sql("INSERT INTO measure_history (measure_id, at, actor, action, note) VALUES (:m, :at, 'admin', 'COMPLETE', '市安委办 刘强、周敏')")
                        .param("m", id).param("at", OffsetDateTime.now(clock).minusDays(5)).update();
            }
            jdbc.sql("INSERT INTO measure_hazard (measure_id, hazard_id) SELECT :m, id FROM hazard WHERE industry_code = :i "
                            + (m[1] == null ? "" : "AND category_code = :c ") + "ORDER BY id LIMIT 3")
                    .param("m", id).param("i", m[0]).param("c", m[1] == null ? "" : m[1]).update();
        }
    }

    /**
     * The demo enterprise user's own hazards, one in each stage of the work, so its pages show what
     * an enterprise's safety manager does: verify-waiting, to start, being fixed (a major one with its
     * plan), waiting for acceptance, and closed.
     */
    void demoEnterpriseHazards(long enterpriseId) {
        var e = jdbc.sql("""
                SELECT e.industry_code, e.county_id, r.department_id FROM directory_enterprise_view e
                JOIN directory_responsibility_view r ON r.industry_code = e.industry_code AND r.lead = TRUE WHERE e.id = :id""")
                .param("id", enterpriseId).query().listOfRows().stream().findFirst().orElse(null);
        if (e == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Object[][] stages = {
                {"REPORTED", "GENERAL", "罐区东侧可燃气体报警器探头积尘，报警测试未响应", null, 2},
                {"ASSIGNED", "GENERAL", "配电室绝缘胶垫破损、未设置“止步，高压危险”警示牌", today.plusDays(10), 6},
                {"RECTIFYING", "MAJOR", "液氯储罐区紧急切断阀未投用，联锁处于旁路状态", today.plusDays(20), 12},
                {"RECTIFYING", "GENERAL", "装卸平台防护栏缺失约8米", today.minusDays(3), 25},
                {"SUBMITTED", "GENERAL", "成品仓库消防通道堆放包装物", today.plusDays(2), 15},
                {"CLOSED", "GENERAL", "危废暂存间未设置防渗漏托盘", today.minusDays(12), 40}};
        long first = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM hazard").query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < stages.length; i++) {
            Object[] s = stages[i];
            String status = (String) s[0];
            boolean major = "MAJOR".equals(s[1]);
            OffsetDateTime reported = now.minusDays((Integer) s[4]);
            LocalDate deadline = (LocalDate) s[3];
            // a report from outside waits for verification; what the enterprise found itself starts assigned
            String source = "REPORTED".equals(status) ? "CITIZEN" : "ENTERPRISE_SELF";
            rows.add(new Object[] {String.format("YH%d-%07d", reported.getYear(), first + i + 1), source, enterpriseId,
                    e.get("industry_code"), null, s[2], s[1], status, e.get("department_id"), e.get("county_id"), deadline,
                    "王强", "enterprise", reported, "CLOSED".equals(status) ? reported.plusDays(20) : null,
                    "CLOSED".equals(status) ? e.get("department_id") : null,
                    major ? "停用储罐区，恢复紧急切断阀联锁并校验，完善联锁投切管理制度" : null,
                    major ? new BigDecimal("180000") : null, major ? deadline : null, major ? "王强" : null,
                    major ? "液氯泄漏专项应急预案，已于本月组织演练" : null, OPEN.contains(status) ? deadline : null});
        }
        insert(rows);
        continueCodes();
        governEnterpriseHazards(enterpriseId, e.get("department_id"), today);
    }

    /**
     * The enterprise's open hazards as officials leave them: each with its rectification order,
     * numbered by the supervising department; the major one reported to the workers' congress and its
     * tank farm stopped, awaiting the review of the application to resume; an extension asked on one.
     */
    private void governEnterpriseHazards(long enterpriseId, Object department, LocalDate today) {
        String departmentName = jdbc.sql("SELECT name FROM directory_department_view WHERE id = :d").param("d", department)
                .query(String.class).single();
        tx.executeWithoutResult(status -> {
            for (var h : jdbc.sql("SELECT id, grade, status, deadline FROM hazard WHERE enterprise_id = :e AND status IN ('ASSIGNED', 'RECTIFYING', 'SUBMITTED') "
                    + "ORDER BY id").param("e", enterpriseId).query().listOfRows()) {
                String number = numbers.next("DEPARTMENT:" + department, "ORDER", today.getYear(), departmentName + "责改");
                jdbc.sql("""
                        UPDATE hazard SET order_number = :n, order_unit_kind = 'DEPARTMENT', order_unit_id = :d, order_issued_on = :on,
                               order_inspectors = '张明（34010020260001）、李华（34010020260002）',
                               found_unit_kind = CASE WHEN source = 'DEPT_INSPECTION' THEN 'DEPARTMENT' END,
                               found_unit_id = CASE WHEN source = 'DEPT_INSPECTION' THEN :d END
                        WHERE id = :id""")
                        .param("n", number).param("d", department).param("on", today.minusDays(5)).param("id", h.get("id")).update();
                if ("MAJOR".equals(h.get("grade"))) {
                    jdbc.sql("""
                            UPDATE hazard SET workers_reported_on = :w, workers_report_note = '第三届职代会第二次会议通报',
                                   stop_ordered_on = :s, stop_order_note = '液氯储罐区停止使用，其余装置正常生产',
                                   resumption_applied_on = :a,
                                   resumption_application = '紧急切断阀已更换并完成联锁测试，申请恢复储罐区使用'
                            WHERE id = :id""")
                            .param("w", today.minusDays(10)).param("s", today.minusDays(11)).param("a", today.minusDays(2))
                            .param("id", h.get("id")).update();
                } else if ("ASSIGNED".equals(h.get("status"))) {
                    jdbc.sql("""
                            UPDATE hazard SET extension_state = 'REQUESTED', extension_deadline = :to,
                                   extension_reason = '绝缘胶垫需定制，到货约两周', extension_requested_by = 'enterprise'
                            WHERE id = :id""").param("to", today.plusDays(25)).param("id", h.get("id")).update();
                }
            }
        });
    }

    /**
     * Inserts {@code count} hazards at random enterprises, routed to the lead department of the
     * enterprise's industry and its county, reported over the past 120 days. Commits chunk by
     * chunk, so a million rows never sit in one transaction.
     */
    public void generate(int count, Random random) {
        generate(count, random, null);
    }

    /** Decides status and deadline of generated hazard number {@code serial}; null keeps the demo's random mix. */
    public interface Shape {
        String status(long serial);

        LocalDate deadline(long serial, LocalDate today);
    }

    public void generate(int count, Random random, Shape shape) {
        List<Map<String, Object>> enterprises = jdbc.sql("""
                SELECT e.id, e.industry_code, e.county_id, r.department_id
                FROM directory_enterprise_view e JOIN directory_responsibility_view r ON r.industry_code = e.industry_code AND r.lead = TRUE
                ORDER BY e.id LIMIT 5000""").query().listOfRows();
        // situations by industry and grade: a major hazard names a situation of the judgment standards, a general one a general situation
        Map<String, List<String>> categories = new HashMap<>();
        Map<String, String> categoryNames = new HashMap<>();
        jdbc.sql("SELECT code, industry_code, name_zh, major FROM hazard_category ORDER BY code").query(rs -> {
            categories.computeIfAbsent(rs.getString(2) + (rs.getBoolean(4) ? ":MAJOR" : ":GENERAL"), k -> new ArrayList<>())
                    .add(rs.getString(1));
            categoryNames.put(rs.getString(1), rs.getString(3));
        });
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long first = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM hazard").query(Long.class).single();
        int chunk = 2000;
        for (int done = 0; done < count; done += chunk) {
            int n = Math.min(chunk, count - done);
            List<Object[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long serial = first + done + i + 1;
                Map<String, Object> e = enterprises.get(random.nextInt(enterprises.size()));
                String industry = (String) e.get("industry_code");
                boolean major = random.nextInt(10) == 0;
                List<String> cats = categories.getOrDefault(industry + (major ? ":MAJOR" : ":GENERAL"), List.of());
                String category = cats.isEmpty() ? null : cats.get(random.nextInt(cats.size()));
                String status = shape != null ? shape.status(serial) : STATUSES[random.nextInt(STATUSES.length)];
                int age = random.nextInt(120);
                OffsetDateTime reported = now.minusDays(age).minusMinutes(random.nextInt(600));
                // deadlines from 30 days before today to 60 days after: some open hazards are overdue
                LocalDate deadline = shape != null ? shape.deadline(serial, today)
                        : status.equals("REPORTED") ? null : today.plusDays(random.nextInt(90) - 30);
                boolean planned = major && !status.equals("REPORTED") && !status.equals("ASSIGNED");
                String finding = category != null ? categoryNames.get(category) : COMMON[random.nextInt(COMMON.length)];
                rows.add(new Object[] {String.format("YH%d-%07d", reported.getYear(), serial), "DEPT_INSPECTION",
                        e.get("id"), industry, category, WHERE[random.nextInt(WHERE.length)] + "：" + finding
                        + (major ? "（按重大事故隐患判定标准认定）" : ""), major ? "MAJOR" : "GENERAL", status,
                        e.get("department_id"), e.get("county_id"), deadline, "安全员", "demo", reported,
                        status.equals("CLOSED") ? reported.plusDays(5 + random.nextInt(20)) : null,
                        status.equals("CLOSED") ? e.get("department_id") : null,
                        planned ? "停产整改，更换失效设备，完善管理制度" : null, planned ? new BigDecimal(50_000 + random.nextInt(500_000)) : null,
                        planned ? deadline : null, planned ? "企业主要负责人" : null, planned ? "已制定专项应急预案并组织演练" : null,
                        OPEN.contains(status) ? deadline : null});
            }
            insert(rows);
        }
        continueCodes();
    }

    private void insert(List<Object[]> rows) {
        batch.batchUpdate("""
                INSERT INTO hazard (code, source, enterprise_id, industry_code, category_code, description, grade, status,
                                    department_id, county_id, deadline, responsible_person, reported_by, reported_at,
                                    closed_at, accepted_by_department, plan_measures, plan_funds, plan_deadline, plan_owner,
                                    plan_emergency, open_deadline, status_since, accepted_unit_kind, accepted_unit_id,
                                    acceptance_on_site, acceptance_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> {
                    Object[] more = Arrays.copyOf(r, r.length + 5);
                    OffsetDateTime closed = (OffsetDateTime) r[14];
                    // in its status since it was closed, or since it was reported; a closed one accepted by its department
                    more[r.length] = closed != null ? closed : r[13];
                    more[r.length + 1] = closed != null ? "DEPARTMENT" : null;
                    more[r.length + 2] = r[15];
                    more[r.length + 3] = closed != null ? Boolean.FALSE : null;
                    more[r.length + 4] = closed != null ? CityTime.dayOf(closed, clock) : null;
                    return more;
                }).toList());
    }

    /** The codes written here number past the sequence, so the next registered hazard takes the number after the last. */
    private void continueCodes() {
        long last = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM hazard").query(Long.class).single();
        jdbc.sql("ALTER SEQUENCE hazard_code_seq RESTART WITH " + (last + 1)).update();
    }
}
