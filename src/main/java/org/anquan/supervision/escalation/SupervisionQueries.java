package org.anquan.supervision.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.PageResult;
import org.anquan.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class SupervisionQueries {

    /** A step's columns for each dimension of a data scope: its county and department, its hazard's industry and enterprise. */
    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("s.county_id").department("s.department_id")
            .industry("h.industry_code").enterprise("h.enterprise_id");

    private final JdbcClient jdbc;
    private final ScopeFilter scopes;

    SupervisionQueries(JdbcClient jdbc, ScopeFilter scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    private static String select(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return "SELECT s.*, h.code AS hazard_code, COALESCE(e.name, h.place) AS subject, h.grade, "
                + (en ? "COALESCE(d.name_en, d.name)" : "d.name") + " AS department_name, c.name AS county_name, "
                + "b.prefix AS notice_prefix, b.first_number AS notice_first "
                + "FROM supervision_step s LEFT JOIN supervision_notice_block b ON b.run_id = s.run_id AND s.notice_seq IS NOT NULL "
                + "JOIN hazards_hazard_view h ON h.id = s.hazard_id JOIN directory_department_view d ON d.id = s.department_id "
                + "JOIN directory_region_view c ON c.id = s.county_id LEFT JOIN directory_enterprise_view e ON e.id = h.enterprise_id ";
    }

    public Optional<StepRow> step(long id, Locale locale) {
        return jdbc.sql(select(locale) + "WHERE s.id = :id").param("id", id).query(SupervisionQueries::map).optional();
    }

    public List<StepRow> forHazard(long hazardId, Locale locale) {
        return jdbc.sql(select(locale) + "WHERE s.hazard_id = :h ORDER BY s.level").param("h", hazardId)
                .query(SupervisionQueries::map).list();
    }

    /**
     * The steps of the ladder, newest first. Unless every step is asked for, a hazard appears once, at
     * the highest step it has reached (a step still awaiting its answer is shown whatever came after).
     */
    public PageResult<StepRow> page(EscalationLevel level, Long countyId, Boolean awaitingAnswer, boolean everyStep, DataScope scope,
                                    int page, int size, Locale locale) {
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        Where where = visible.where()
                .and("s.level = :level", "level", level == null ? null : level.rank())
                .and("s.county_id = :county", "county", countyId);
        if (Boolean.TRUE.equals(awaitingAnswer)) {
            where.and("s.level = 2 AND s.answer IS NULL");
        } else if (!everyStep) {
            // the highest step of the hazard's latest round, once
            where.and("s.id = (SELECT top.id FROM supervision_step top WHERE top.hazard_id = s.hazard_id "
                    + "ORDER BY top.work_round DESC, top.level DESC, top.id DESC LIMIT 1)");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM supervision_step s JOIN hazards_hazard_view h ON h.id = s.hazard_id" + where.sql())
                .params(where.params()).query(Long.class).single();
        List<StepRow> rows = jdbc.sql(select(locale) + where.sql() + " ORDER BY s.id DESC LIMIT :l OFFSET :o").params(where.params())
                .param("l", size).param("o", PageResult.offsetOf(page, size)).query(SupervisionQueries::map).list();
        return new PageResult<>(rows, page, size, total);
    }

    static StepRow map(ResultSet rs, int n) throws SQLException {
        return new StepRow(rs.getLong("id"), rs.getLong("hazard_id"), rs.getString("hazard_code"), rs.getString("subject"),
                rs.getString("grade"), EscalationLevel.ofRank(rs.getInt("level")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getString("reason"),
                rs.getString("department_name"), rs.getString("county_name"), rs.getObject("hazard_deadline", LocalDate.class),
                rs.getObject("answer_deadline", LocalDate.class), rs.getString("answer"), rs.getString("answered_by"),
                rs.getObject("answered_at", OffsetDateTime.class),
                rs.getString("outcome_kind") == null ? null : StepOutcome.valueOf(rs.getString("outcome_kind")),
                rs.getString("outcome"), rs.getObject("outcome_at", OffsetDateTime.class), rs.getString("outcome_by"),
                rs.getInt("work_round"), Stage.valueOf(rs.getString("stage")),
                rs.getString("notice_prefix") == null ? null
                        : rs.getString("notice_prefix") + (rs.getInt("notice_first") + rs.getInt("notice_seq") - 1) + "号");
    }
}
