package org.anquan.accidents.investigation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anquan.accidents.reporting.AccidentService;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.CityTime;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.PageResult;
import org.anquan.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 责任人员处理: each person or unit handled for an accident, by which measure, on which decision. These
 * are the accountability records of the city: the 四不放过 gate "responsible persons handled" is met
 * only when there is at least one, and the list of all of them is read by the discipline office.
 */
@Service
@Transactional
public class Accountability {

    /** The measures taken against a person or unit. */
    public enum Measure { INTERVIEW, WARNING, FINE, ACCOUNTABILITY, TRANSFER;

        public String messageKey() {
            return "accountability.measure." + name();
        }
    }

    public record Input(String person, String position, String unit, Measure measure, String detail, Long fineYuan,
                        LocalDate decidedOn, String document) {
    }

    public record Entry(long id, long accidentId, String accidentCode, String countyName, String person, String position, String unit,
                        Measure measure, String detail, Long fineYuan, LocalDate decidedOn, String document, String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final AccidentService accidents;
    private final ScopeFilter scopes;
    private final AuditTrail audit;
    private final Clock clock;

    Accountability(JdbcClient jdbc, AccidentService accidents, ScopeFilter scopes, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accidents = accidents;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a person or unit handled, by the office that investigates and closes the accident. */
    public long add(long accidentId, Input in, CurrentUser user) {
        var a = accidents.forClosing(accidentId, user);
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.required(errors, "unit", in.unit(), 200, "validation.required");
        if (in.measure() == null) {
            errors.put("measure", "validation.required");
        }
        Texts.required(errors, "detail", in.detail(), 500, "validation.required");
        Texts.required(errors, "document", in.document(), 100, "accountability.document.required");
        if (in.decidedOn() == null) {
            errors.put("decidedOn", "validation.required");
        } else if (in.decidedOn().isAfter(LocalDate.now(clock))
                || in.decidedOn().isBefore(CityTime.dayOf(a.occurredAt(), clock))) {
            errors.put("decidedOn", "accountability.day.invalid");
        }
        if (in.measure() == Measure.FINE && (in.fineYuan() == null || in.fineYuan() <= 0)) {
            errors.put("fineYuan", "accountability.fine.required");
        } else if (in.measure() != Measure.FINE && in.fineYuan() != null) {
            errors.put("fineYuan", "accountability.fine.only");
        }
        Texts.optional(errors, "person", in.person(), 50);
        Texts.optional(errors, "position", in.position(), 100);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO accident_accountability (accident_id, person, position, unit, measure, detail, fine_yuan, decided_on,
                                                             document, recorded_by, recorded_at)
                        VALUES (:a, :p, :pos, :u, :m, :d, :f, :on, :doc, :by, :at)""")
                .param("a", accidentId).param("p", Texts.trimmed(in.person())).param("pos", Texts.trimmed(in.position())).param("u", in.unit().trim())
                .param("m", in.measure().name()).param("d", in.detail().trim()).param("f", in.fineYuan()).param("on", in.decidedOn())
                .param("doc", in.document().trim()).param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "accident_accountability", id, a.code() + " " + in.measure() + " " + in.unit().trim(), null, in);
        return id;
    }

    @Transactional(readOnly = true)
    public List<Entry> of(long accidentId) {
        return jdbc.sql(SELECT + " WHERE r.accident_id = :a ORDER BY r.decided_on, r.id").param("a", accidentId).query(Accountability::map)
                .list();
    }

    /** Every record the scope reads, newest decision first; by measure and year of the decision. */
    @Transactional(readOnly = true)
    public PageResult<Entry> page(Measure measure, Integer year, DataScope scope, int page, int size) {
        ScopeFilter.Predicate visible = scopes.read(scope, AccidentService.SCOPE);
        Where where = visible.where().and("r.measure = :m", "m", measure == null ? null : measure.name());
        if (year != null) {
            where.and("r.decided_on >= :from AND r.decided_on < :to", Map.of("from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year + 1, 1, 1)));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM accident_accountability r JOIN accident a ON a.id = r.accident_id" + where.sql())
                .params(where.params()).query(Long.class).single();
        List<Entry> rows = jdbc.sql(SELECT + where.sql() + " ORDER BY r.decided_on DESC, r.id DESC LIMIT :l OFFSET :o").params(where.params())
                .param("l", size).param("o", PageResult.offsetOf(page, size)).query(Accountability::map).list();
        return new PageResult<>(rows, page, size, total);
    }

    private static final String SELECT = """
            SELECT r.*, a.code AS accident_code, c.name AS county_name
            FROM accident_accountability r JOIN accident a ON a.id = r.accident_id JOIN directory_region_view c ON c.id = a.county_id""";

    private static Entry map(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("accident_id"), rs.getString("accident_code"), rs.getString("county_name"),
                rs.getString("person"), rs.getString("position"), rs.getString("unit"), Measure.valueOf(rs.getString("measure")),
                rs.getString("detail"), (Long) rs.getObject("fine_yuan", Long.class), rs.getObject("decided_on", LocalDate.class),
                rs.getString("document"), rs.getString("recorded_by"));
    }

}
