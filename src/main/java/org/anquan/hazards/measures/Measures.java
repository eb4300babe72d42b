package org.anquan.hazards.measures;

import jakarta.validation.constraints.*;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.directory.ScopeFilter;
import org.anquan.hazards.register.HazardQueries;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 制度措施清单: measures adopted per category and region, their owner, and the hazards behind them. */
@Service
class Measures {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Messages messages;
    private final Clock clock;
    private final ScopeFilter scopes;

    /** A measure's columns for each dimension of a data scope: its region (the city or a county), department, industry. */
    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("m.region_id").department("m.department_id")
            .industry("m.industry_code");

    Measures(JdbcClient jdbc, AuditTrail audit, Messages messages, Clock clock, ScopeFilter scopes) {
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    public record MeasureInput(@Size(max = 32) String industryCode, @Size(max = 40) String categoryCode, Long regionId,
                               @Size(max = 200) String title, @Size(max = 4000) String content,
                               Long departmentId, LocalDate adoptedOn, @Size(max = 2000) String hazardCodes,
                               @Size(max = 50) String owner, @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal funds,
                               LocalDate dueOn) implements Serializable {
        public static MeasureInput empty() {
            return new MeasureInput(null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** A measure as listed: with its state (ACTIVE, COMPLETED, RETIRED), owner, funds, deadline and acceptance. */
    public record MeasureRow(long id, String industryName, String categoryName, String regionName, String title, String content,
                             String departmentName, LocalDate adoptedOn, String hazardCodes, String state, String owner,
                             BigDecimal funds, LocalDate dueOn, LocalDate completedOn, String acceptedBy,
                             String retiredReason, int version, List<HistoryLine> history) {
    }

    public record HistoryLine(OffsetDateTime at, String actor, String action, String note) {
    }

    /** What an edit may change: the wording, the owner, the funds and the deadline. */
    public record MeasureChange(@Size(max = 200) String title, @Size(max = 4000) String content, @Size(max = 50) String owner,
                                @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal funds, LocalDate dueOn) {
    }

    @Transactional
    public long create(MeasureInput in, CurrentUser user) {
        user.require(Permission.MEASURE_EDIT);
        Inputs.check(in);
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(in.industryCode())) errors.put("industryCode", "validation.required");
        if (in.regionId() == null) errors.put("regionId", "validation.required");
        if (blank(in.title())) errors.put("title", "validation.required");
        else if (in.title().length() > 200) errors.put("title", "validation.too.long");
        if (blank(in.content())) errors.put("content", "validation.required");
        else if (in.content().length() > 4000) errors.put("content", "validation.too.long");
        if (in.departmentId() == null) errors.put("departmentId", "validation.required");
        if (in.adoptedOn() == null) errors.put("adoptedOn", "validation.required");
        else if (in.adoptedOn().isAfter(LocalDate.now(clock))) errors.put("adoptedOn", "measure.adopted.future");
        if (blank(in.owner())) errors.put("owner", "validation.required");
        if (in.dueOn() != null && in.adoptedOn() != null && in.dueOn().isBefore(in.adoptedOn())) errors.put("dueOn", "measure.due.before.adopted");
        if (in.regionId() != null && in.departmentId() != null && !scopes.reaches(user.scope(),
                new ScopeFilter.Subject(in.regionId(), in.departmentId(), in.industryCode(), null), ScopeFilter.Mode.ACT)) {
            errors.put(user.scope().kind() == DataScope.Kind.DEPARTMENT ? "departmentId" : "regionId", "enterprise.outside.scope");
        }
        if (in.departmentId() != null && jdbc.sql("SELECT COUNT(*) FROM directory_department_view WHERE id = :d")
                .param("d", in.departmentId()).query(Long.class).single() == 0) {
            errors.put("departmentId", "measure.department.unknown");
        }
        if (in.regionId() != null && jdbc.sql("SELECT COUNT(*) FROM directory_region_view WHERE id = :r AND region_level IN ('CITY', 'COUNTY')")
                .param("r", in.regionId()).query(Long.class).single() == 0) {
            errors.put("regionId", "measure.region.unknown");
        }
        List<Long> hazardIds = new ArrayList<>();
        if (!blank(in.hazardCodes())) {
            for (String code : in.hazardCodes().split("[,，\\s]+")) {
                if (code.isBlank()) continue;
                // only a hazard the user may see can be linked; another county's code is as unknown as a made-up one
                ScopeFilter.Predicate visible = scopes.read(user.scope(), HazardQueries.SCOPE);
                Long id = jdbc.sql("SELECT h.id FROM hazard h WHERE h.code = :c" + visible.and())
                        .param("c", code.trim().toUpperCase(Locale.ROOT)).params(visible.params())
                        .query(Long.class).optional().orElse(null);
                if (id == null) {
                    errors.put("hazardCodes", "measure.hazard.unknown");
                    break;
                }
                hazardIds.add(id);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO measure (industry_code, category_code, region_id, title, content, department_id, adopted_on, created_by, created_at,
                                     owner, funds, due_on)
                VALUES (:i, :c, :r, :t, :content, :d, :on, :by, :at, :owner, :funds, :due)""")
                .param("owner", in.owner().trim()).param("funds", in.funds()).param("due", in.dueOn())
                .param("i", in.industryCode()).param("c", blank(in.categoryCode()) ? null : in.categoryCode())
                .param("r", in.regionId()).param("t", in.title().trim()).param("content", in.content().trim())
                .param("d", in.departmentId()).param("on", in.adoptedOn()).param("by", user.username())
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Long h : hazardIds.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO measure_hazard (measure_id, hazard_id) VALUES (:m, :h)").param("m", id).param("h", h).update();
        }
        history(id, "CREATE", in.title().trim(), user);
        audit.record("CREATE", "measure", id, in.title(), null, in);
        return id;
    }

    /** Edits an active measure's wording, owner, funds or deadline, on the version the person read. */
    @Transactional
    public void edit(long id, Integer version, MeasureChange change, CurrentUser user) {
        Map<String, Object> before = actable(id, version, user, "ACTIVE");
        Inputs.check(change);
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(change.title())) errors.put("title", "validation.required");
        if (blank(change.content())) errors.put("content", "validation.required");
        if (blank(change.owner())) errors.put("owner", "validation.required");
        if (change.dueOn() != null && change.dueOn().isBefore((LocalDate) before.get("adopted_on"))) errors.put("dueOn", "measure.due.before.adopted");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        update(id, version, "title = :t, content = :c, owner = :o, funds = :f, due_on = :due", Map.of("t", change.title().trim(),
                "c", change.content().trim(), "o", change.owner().trim()), change.funds(), change.dueOn());
        history(id, "EDIT", change.title().trim(), user);
        audit.record("UPDATE", "measure", id, change.title(), before, change);
    }

    /** Completes an active measure: done and accepted, on a day, by someone named. */
    @Transactional
    public void complete(long id, Integer version, LocalDate completedOn, String acceptedBy, CurrentUser user) {
        Map<String, Object> before = actable(id, version, user, "ACTIVE");
        Map<String, String> errors = new LinkedHashMap<>();
        if (completedOn == null) errors.put("completedOn", "validation.required");
        else if (completedOn.isAfter(LocalDate.now(clock))) errors.put("completedOn", "measure.completed.future");
        else if (completedOn.isBefore((LocalDate) before.get("adopted_on"))) errors.put("completedOn", "measure.completed.before.adopted");
        if (blank(acceptedBy)) errors.put("acceptedBy", "validation.required");
        else if (acceptedBy.length() > 100) errors.put("acceptedBy", "validation.too.long");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        update(id, version, "state = 'COMPLETED', completed_on = :on, accepted_by = :a", Map.of("on", completedOn, "a", acceptedBy.trim()),
                null, null);
        history(id, "COMPLETE", acceptedBy.trim(), user);
        audit.record("COMPLETE", "measure", id, (String) before.get("title"), null, null);
    }

    /** Retires a measure that no longer applies (superseded, repealed), saying why; it stays on the list as retired. */
    @Transactional
    public void retire(long id, Integer version, String reason, CurrentUser user) {
        Map<String, Object> before = actable(id, version, user, null);
        if ("RETIRED".equals(before.get("state"))) {
            throw new BusinessException("measure.retired.already");
        }
        if (blank(reason)) {
            throw new InvalidInputException(Map.of("reason", "measure.retire.reason"));
        }
        if (reason.length() > 300) {
            throw new InvalidInputException(Map.of("reason", "validation.too.long"));
        }
        update(id, version, "state = 'RETIRED', retired_reason = :r", Map.of("r", reason.trim()), null, null);
        history(id, "RETIRE", reason.trim(), user);
        audit.record("RETIRE", "measure", id, (String) before.get("title"), null, null);
    }

    /** The measure, if the user may change it (permission, scope, version, state); refused otherwise. */
    private Map<String, Object> actable(long id, Integer version, CurrentUser user, String requiredState) {
        user.require(Permission.MEASURE_EDIT);
        ScopeFilter.Predicate own = scopes.act(user.scope(), SCOPE);
        Map<String, Object> m = jdbc.sql("SELECT m.* FROM measure m WHERE m.id = :id" + own.and()).param("id", id).params(own.params())
                .query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("measure", id));
        if (version == null) {
            throw new InvalidInputException(Map.of("version", "version.required"));
        }
        if (((Number) m.get("version")).intValue() != version) {
            throw new OptimisticLockingFailureException("measure " + id + " changed");
        }
        if (requiredState != null && !requiredState.equals(m.get("state"))) {
            throw new BusinessException("measure.not.active");
        }
        if (m.get("adopted_on") instanceof Date d) {
            m.put("adopted_on", d.toLocalDate());
        }
        return m;
    }

    private void update(long id, int version, String set, Map<String, Object> params, BigDecimal funds, LocalDate dueOn) {
        var sql = jdbc.sql("UPDATE measure SET " + set + ", version = version + 1 WHERE id = :id AND version = :v")
                .param("id", id).param("v", version).params(params);
        if (set.contains(":f")) {
            sql = sql.param("f", funds).param("due", dueOn);
        }
        if (sql.update() == 0) {
            throw new OptimisticLockingFailureException("measure " + id + " changed");
        }
    }

    private void history(long id, String action, String note, CurrentUser user) {
        jdbc.sql("INSERT INTO measure_history (measure_id, at, actor, action, note) VALUES (:m, :at, :by, :a, :n)")
                .param("m", id).param("at", OffsetDateTime.now(clock)).param("by", user.username()).param("a", action)
                .param("n", note.length() > 1000 ? note.substring(0, 1000) : note).update();
    }

    public List<MeasureRow> list(DataScope scope, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        List<MeasureRow> rows = jdbc.sql("SELECT m.*, " + (en ? "i.name_en" : "i.name_zh") + " AS industry_name, "
                        + (en ? "hc.name_en" : "hc.name_zh") + " AS category_name, r.name AS region_name, "
                        + (en ? "COALESCE(d.name_en, d.name)" : "d.name") + " AS department_name FROM measure m "
                        + "JOIN directory_industry_view i ON i.code = m.industry_code LEFT JOIN hazard_category hc ON hc.code = m.category_code "
                        + "JOIN directory_region_view r ON r.id = m.region_id JOIN directory_department_view d ON d.id = m.department_id "
                        + "WHERE " + visible.sql() + " ORDER BY m.adopted_on DESC, m.id DESC LIMIT 1000")
                .params(visible.params())
                .query((rs, n) -> new MeasureRow(rs.getLong("id"), rs.getString("industry_name"), rs.getString("category_name"),
                        rs.getString("region_name"), rs.getString("title"), rs.getString("content"), rs.getString("department_name"),
                        rs.getObject("adopted_on", LocalDate.class), null, rs.getString("state"), rs.getString("owner"),
                        rs.getBigDecimal("funds"), rs.getObject("due_on", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
                        rs.getString("accepted_by"), rs.getString("retired_reason"), rs.getInt("version"), List.of()))
                .list();
        List<MeasureRow> withCodes = new ArrayList<>();
        for (MeasureRow r : rows) {
            String codes = String.join(", ", jdbc.sql("SELECT h.code FROM measure_hazard mh JOIN hazard h ON h.id = mh.hazard_id "
                    + "WHERE mh.measure_id = :m ORDER BY h.code").param("m", r.id()).query(String.class).list());
            List<HistoryLine> history = jdbc.sql("SELECT at, actor, action, note FROM measure_history WHERE measure_id = :m ORDER BY at, id")
                    .param("m", r.id()).query((rs, n) -> new HistoryLine(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                            rs.getString("action"), rs.getString("note"))).list();
            withCodes.add(new MeasureRow(r.id(), r.industryName(), r.categoryName(), r.regionName(), r.title(), r.content(),
                    r.departmentName(), r.adoptedOn(), codes, r.state(), r.owner(), r.funds(), r.dueOn(), r.completedOn(),
                    r.acceptedBy(), r.retiredReason(), r.version(), history));
        }
        return withCodes;
    }

    public void export(DataScope scope, String unit, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(messages.inLocale("measures.title", locale));
            sheet.createRow(0).createCell(0).setCellValue(messages.inLocale("measures.title", locale));
            sheet.createRow(1).createCell(0).setCellValue(messages.inLocale("ledger.unit", locale, unit));
            String[] cols = {"no", "industry", "category", "region", "title", "content", "owner", "funds", "due", "department",
                    "adopted", "state", "acceptedBy", "completed", "hazards"};
            Row h = sheet.createRow(2);
            for (int i = 0; i < cols.length; i++) {
                h.createCell(i).setCellValue(messages.inLocale("measures.col." + cols[i], locale));
            }
            int r = 3;
            for (MeasureRow m : list(scope, locale)) {
                String[] v = {String.valueOf(r - 2), m.industryName(), m.categoryName(), m.regionName(), m.title(), m.content(),
                        m.owner(), m.funds() == null ? "" : m.funds().toPlainString(), m.dueOn() == null ? "" : m.dueOn().toString(),
                        m.departmentName(), String.valueOf(m.adoptedOn()), messages.inLocale("measure.state." + m.state(), locale)
                                + (m.retiredReason() == null ? "" : "：" + m.retiredReason()),
                        m.acceptedBy(), m.completedOn() == null ? "" : m.completedOn().toString(), m.hazardCodes()};
                Row row = sheet.createRow(r++);
                for (int i = 0; i < v.length; i++) {
                    row.createCell(i, CellType.STRING).setCellValue(v[i] == null ? "" : v[i]);
                }
            }
            sheet.createRow(r + 1).createCell(0).setCellValue(messages.inLocale("ledger.signature", locale));
            wb.write(out);
        }
    }


    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A hazard category a measure may name, in both languages. */
    public record Category(String code, String nameZh, String nameEn) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    /** Every hazard category, by industry and code, for the measure form. */
    public List<Category> categories() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM hazard_category ORDER BY industry_code, code")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
