package org.anquan.hazards.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hazards of the demo city over the past months, in every status, some overdue, routed as the
 * matrix says. Runs after the demo city is loaded. Also the benchmark's generator.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
public class DemoHazards implements ApplicationRunner {

    private static final java.util.Set<String> OPEN = java.util.Set.of("ASSIGNED", "RECTIFYING", "SUBMITTED");
    private static final String[] STATUSES = {"REPORTED", "ASSIGNED", "RECTIFYING", "RECTIFYING", "SUBMITTED", "CLOSED", "CLOSED", "CLOSED"};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    DemoHazards(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM hazard").query(Long.class).single() == 0
                && jdbc.sql("SELECT COUNT(*) FROM directory_enterprise_view").query(Long.class).single() > 0) {
            generate(240, new Random(2026));
        }
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
        Map<String, List<String>> categories = new java.util.HashMap<>();
        jdbc.sql("SELECT code, industry_code FROM hazard_category").query(rs -> {
            categories.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
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
                List<String> cats = categories.getOrDefault(industry, List.of());
                String category = cats.isEmpty() ? null : cats.get(random.nextInt(cats.size()));
                boolean major = random.nextInt(10) == 0;
                String status = shape != null ? shape.status(serial) : STATUSES[random.nextInt(STATUSES.length)];
                int age = random.nextInt(120);
                OffsetDateTime reported = now.minusDays(age).minusMinutes(random.nextInt(600));
                // deadlines from 30 days before today to 60 days after: some open hazards are overdue
                LocalDate deadline = shape != null ? shape.deadline(serial, today)
                        : status.equals("REPORTED") ? null : today.plusDays(random.nextInt(90) - 30);
                boolean planned = major && !status.equals("REPORTED") && !status.equals("ASSIGNED");
                rows.add(new Object[] {String.format("YH%d-%07d", reported.getYear(), serial), "DEPT_INSPECTION",
                        e.get("id"), industry, category, major ? "重大隐患：" + (category == null ? "现场检查发现" : "按判定标准认定")
                        : "检查发现的一般隐患，需限期整改", major ? "MAJOR" : "GENERAL", status,
                        e.get("department_id"), e.get("county_id"), deadline, "安全员", "demo", reported,
                        status.equals("CLOSED") ? reported.plusDays(5 + random.nextInt(20)) : null,
                        status.equals("CLOSED") ? e.get("department_id") : null,
                        planned ? "停产整改，更换失效设备，完善管理制度" : null, planned ? new java.math.BigDecimal(50_000 + random.nextInt(500_000)) : null,
                        planned ? deadline : null, planned ? "企业主要负责人" : null, planned ? "已制定专项应急预案并组织演练" : null,
                        OPEN.contains(status) ? deadline : null});
            }
            batch.batchUpdate("""
                    INSERT INTO hazard (code, source, enterprise_id, industry_code, category_code, description, grade, status,
                                        department_id, county_id, deadline, responsible_person, reported_by, reported_at,
                                        closed_at, accepted_by_department, plan_measures, plan_funds, plan_deadline, plan_owner,
                                        plan_emergency, open_deadline)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
        long last = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM hazard").query(Long.class).single();
        jdbc.sql("ALTER SEQUENCE hazard_code_seq RESTART WITH " + (last + 1)).update();
    }
}
