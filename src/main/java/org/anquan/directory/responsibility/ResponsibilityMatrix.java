package org.anquan.directory.responsibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anquan.directory.Responsibility;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 管行业必须管安全: industry → lead supervising department and co-supervisors, plus the reference
 * lists of industries and departments the matrix is made of.
 */
@Service
public class ResponsibilityMatrix {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ResponsibilityMatrix(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Industry> industries() {
        return jdbc.sql("SELECT * FROM industry ORDER BY sort_order, code")
                .query((rs, n) -> new Industry(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                        rs.getBoolean("is_mining"))).list();
    }

    public Optional<Industry> industry(String code) {
        return industries().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public List<Department> departments() {
        return jdbc.sql("SELECT * FROM department ORDER BY code").query(ResponsibilityMatrix::mapDepartment).list();
    }

    public Optional<Department> department(long id) {
        return jdbc.sql("SELECT * FROM department WHERE id = :id").param("id", id)
                .query(ResponsibilityMatrix::mapDepartment).optional();
    }

    public long createDepartment(String code, String name, String nameEn, String head, String headPhone, String dutyPhone) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO department (code, name, name_en, head, head_phone, duty_phone) VALUES (:c, :n, :ne, :h, :hp, :dp)")
                .param("c", code).param("n", name).param("ne", nameEn).param("h", head).param("hp", headPhone)
                .param("dp", dutyPhone).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Who is responsible for an industry. An industry nobody was assigned yet has no lead. */
    public Responsibility lookup(String industryCode) {
        Long lead = null;
        List<Long> co = new ArrayList<>();
        for (var row : jdbc.sql("SELECT department_id, lead FROM responsibility WHERE industry_code = :i ORDER BY department_id")
                .param("i", industryCode).query((rs, n) -> Map.entry(rs.getLong(1), rs.getBoolean(2))).list()) {
            if (row.getValue()) {
                lead = row.getKey();
            } else {
                co.add(row.getKey());
            }
        }
        return new Responsibility(industryCode, lead, List.copyOf(co));
    }

    public Map<String, Responsibility> all() {
        Map<String, Responsibility> m = new LinkedHashMap<>();
        for (Industry i : industries()) {
            m.put(i.code(), lookup(i.code()));
        }
        return m;
    }

    /** The industries a department supervises, as lead or co-supervisor. */
    public List<String> industriesOf(long departmentId) {
        return jdbc.sql("SELECT industry_code FROM responsibility WHERE department_id = :d ORDER BY industry_code")
                .param("d", departmentId).query(String.class).list();
    }

    /** The industries a department leads. */
    public List<String> ledIndustriesOf(long departmentId) {
        return jdbc.sql("SELECT industry_code FROM responsibility WHERE department_id = :d AND lead = TRUE ORDER BY industry_code")
                .param("d", departmentId).query(String.class).list();
    }

    /** Replaces the row of one industry. The lead is required and cannot also be a co-supervisor. */
    @Transactional
    public void assign(String industryCode, Long leadDepartmentId, Collection<Long> coDepartmentIds) {
        if (industry(industryCode).isEmpty()) {
            throw new BusinessException("matrix.industry.unknown", industryCode);
        }
        if (leadDepartmentId == null) {
            throw new BusinessException("matrix.lead.required", industryCode);
        }
        Set<Long> co = new LinkedHashSet<>(coDepartmentIds == null ? List.of() : coDepartmentIds);
        co.remove(leadDepartmentId);
        Set<Long> known = new LinkedHashSet<>(departments().stream().map(Department::id).toList());
        if (!known.contains(leadDepartmentId) || !known.containsAll(co)) {
            throw new BusinessException("matrix.department.unknown");
        }
        Responsibility before = lookup(industryCode);
        jdbc.sql("DELETE FROM responsibility WHERE industry_code = :i").param("i", industryCode).update();
        insert(industryCode, leadDepartmentId, true);
        for (Long d : co) {
            insert(industryCode, d, false);
        }
        Responsibility after = lookup(industryCode);
        if (!before.equals(after)) {
            audit.record("UPDATE", "responsibility", industryCode, industryCode, before, after);
        }
    }

    private void insert(String industry, long department, boolean lead) {
        jdbc.sql("INSERT INTO responsibility (industry_code, department_id, lead) VALUES (:i, :d, :l)")
                .param("i", industry).param("d", department).param("l", lead).update();
    }

    private static Department mapDepartment(ResultSet rs, int n) throws SQLException {
        return new Department(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("head"), rs.getString("head_phone"), rs.getString("duty_phone"), rs.getInt("version"));
    }
}
