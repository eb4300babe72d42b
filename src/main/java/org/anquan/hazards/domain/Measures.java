package org.anquan.hazards.domain;

import jakarta.validation.constraints.*;
import java.io.IOException;
import org.anquan.platform.security.Permission;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 制度措施清单: measures adopted per category and region, their owner, and the hazards behind them. */
@Service
public class Measures {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final org.anquan.platform.web.Messages messages;
    private final Clock clock;
    private final ScopeFilter scopes;

    /** A measure's columns for each dimension of a data scope: its region (the city or a county), department, industry. */
    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("m.region_id").department("m.department_id")
            .industry("m.industry_code");

    Measures(JdbcClient jdbc, AuditTrail audit, org.anquan.platform.web.Messages messages, Clock clock, ScopeFilter scopes) {
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    public record MeasureInput(@Size(max = 32) String industryCode, @Size(max = 40) String categoryCode, Long regionId,
                               @Size(max = 200) String title, @Size(max = 4000) String content,
                               Long departmentId, LocalDate adoptedOn, @Size(max = 2000) String hazardCodes) {
        public static MeasureInput empty() {
            return new MeasureInput(null, null, null, null, null, null, null, null);
        }
    }

    public record MeasureRow(long id, String industryName, String categoryName, String regionName, String title, String content,
                             String departmentName, LocalDate adoptedOn, String hazardCodes) {
    }

    @Transactional
    public long create(MeasureInput in, CurrentUser user) {
        user.require(Permission.MEASURE_EDIT);
        org.anquan.shared.Inputs.check(in);
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
                INSERT INTO measure (industry_code, category_code, region_id, title, content, department_id, adopted_on, created_by, created_at)
                VALUES (:i, :c, :r, :t, :content, :d, :on, :by, :at)""")
                .param("i", in.industryCode()).param("c", blank(in.categoryCode()) ? null : in.categoryCode())
                .param("r", in.regionId()).param("t", in.title().trim()).param("content", in.content().trim())
                .param("d", in.departmentId()).param("on", in.adoptedOn()).param("by", user.username())
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Long h : hazardIds.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO measure_hazard (measure_id, hazard_id) VALUES (:m, :h)").param("m", id).param("h", h).update();
        }
        audit.record("CREATE", "measure", id, in.title(), null, in);
        return id;
    }

    public List<MeasureRow> list(DataScope scope, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        String where = "WHERE 1 = 1" + visible.and();
        List<MeasureRow> rows = jdbc.sql("SELECT m.*, " + (en ? "i.name_en" : "i.name_zh") + " AS industry_name, "
                        + (en ? "hc.name_en" : "hc.name_zh") + " AS category_name, r.name AS region_name, "
                        + (en ? "COALESCE(d.name_en, d.name)" : "d.name") + " AS department_name FROM measure m "
                        + "JOIN directory_industry_view i ON i.code = m.industry_code LEFT JOIN hazard_category hc ON hc.code = m.category_code "
                        + "JOIN directory_region_view r ON r.id = m.region_id JOIN directory_department_view d ON d.id = m.department_id "
                        + where + " ORDER BY m.adopted_on DESC, m.id DESC LIMIT 1000")
                .params(visible.params())
                .query((rs, n) -> new MeasureRow(rs.getLong("id"), rs.getString("industry_name"), rs.getString("category_name"),
                        rs.getString("region_name"), rs.getString("title"), rs.getString("content"), rs.getString("department_name"),
                        rs.getObject("adopted_on", LocalDate.class), null))
                .list();
        List<MeasureRow> withCodes = new ArrayList<>();
        for (MeasureRow r : rows) {
            String codes = String.join(", ", jdbc.sql("SELECT h.code FROM measure_hazard mh JOIN hazard h ON h.id = mh.hazard_id "
                    + "WHERE mh.measure_id = :m ORDER BY h.code").param("m", r.id()).query(String.class).list());
            withCodes.add(new MeasureRow(r.id(), r.industryName(), r.categoryName(), r.regionName(), r.title(), r.content(),
                    r.departmentName(), r.adoptedOn(), codes));
        }
        return withCodes;
    }

    public void export(DataScope scope, String unit, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(messages.inLocale("measures.title", locale));
            sheet.createRow(0).createCell(0).setCellValue(messages.inLocale("measures.title", locale));
            sheet.createRow(1).createCell(0).setCellValue(messages.inLocale("ledger.unit", locale, unit));
            String[] cols = {"no", "industry", "category", "region", "title", "content", "department", "adopted", "hazards"};
            Row h = sheet.createRow(2);
            for (int i = 0; i < cols.length; i++) {
                h.createCell(i).setCellValue(messages.inLocale("measures.col." + cols[i], locale));
            }
            int r = 3;
            for (MeasureRow m : list(scope, locale)) {
                String[] v = {String.valueOf(r - 2), m.industryName(), m.categoryName(), m.regionName(), m.title(), m.content(),
                        m.departmentName(), String.valueOf(m.adoptedOn()), m.hazardCodes()};
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
}
