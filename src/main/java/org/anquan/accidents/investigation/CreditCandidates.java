package org.anquan.accidents.investigation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import org.anquan.accidents.reporting.AccidentsProperties;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidates for the serious-dishonesty list (安全生产严重失信主体名单, MEM Order 11, 2023): an enterprise
 * becomes one when a trigger is met — a 重大 or 特别重大 accident, two 较大 accidents within twelve
 * months, or a confirmed 瞒报/谎报 — and stays one until the city office confirms it (listed for the
 * configured years) or dismisses it, each with a reason. A trigger already considered is not raised again.
 */
@Service
@Transactional
public class CreditCandidates {

    public enum Trigger { MAJOR_ACCIDENT, TWO_LARGER, CONCEALMENT;

        public String messageKey() {
            return "credit.trigger." + name();
        }
    }

    public record Candidate(long id, long enterpriseId, String enterpriseName, String countyName, Trigger trigger, String accidentCodes,
                            OffsetDateTime foundAt, String status, String decidedBy, String reason, LocalDate listedUntil) {
        public boolean open() {
            return "CANDIDATE".equals(status);
        }
    }

    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("e.county_id").industry("e.industry_code")
            .enterprise("c.enterprise_id");

    private final JdbcClient jdbc;
    private final ScopeFilter scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final int listingYears;
    private final int largerWindowMonths;

    CreditCandidates(JdbcClient jdbc, ScopeFilter scopes, AuditTrail audit, Clock clock, AccidentsProperties props) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.listingYears = props.credit().listingYears();
        this.largerWindowMonths = props.credit().largerWindowMonths();
    }

    /** Raises the triggers the enterprise's accidents now meet and that were not raised before; how many. */
    public int evaluate(long enterpriseId) {
        List<Object[]> accidents = jdbc.sql("""
                        SELECT id, code, occurred_at, grade, concealment_outcome FROM accident WHERE enterprise_id = :e
                        ORDER BY occurred_at, id""").param("e", enterpriseId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
                        rs.getString(5)}).list();
        Map<String, Trigger> found = new LinkedHashMap<>();
        Object[] previousLarger = null;
        for (Object[] a : accidents) {
            String grade = (String) a[3];
            if ("MAJOR".equals(grade) || "ESPECIALLY_MAJOR".equals(grade)) {
                found.put(String.valueOf(a[0]), Trigger.MAJOR_ACCIDENT);
            }
            if ("LARGER".equals(grade)) {
                if (previousLarger != null && !((OffsetDateTime) previousLarger[2]).plusMonths(largerWindowMonths).isBefore((OffsetDateTime) a[2])) {
                    found.put(previousLarger[0] + "," + a[0], Trigger.TWO_LARGER);
                }
                previousLarger = a;
            }
            if ("CONFIRMED".equals(a[4])) {
                found.put("C" + a[0], Trigger.CONCEALMENT);
            }
        }
        int raised = 0;
        for (var e : found.entrySet()) {
            String ids = e.getKey().startsWith("C") ? e.getKey().substring(1) : e.getKey();
            boolean known = jdbc.sql("""
                            SELECT COUNT(*) FROM accident_credit_candidate WHERE enterprise_id = :e AND trigger_kind = :t AND accident_ids = :ids""")
                    .param("e", enterpriseId).param("t", e.getValue().name()).param("ids", ids).query(Long.class).single() > 0;
            if (!known) {
                jdbc.sql("""
                                INSERT INTO accident_credit_candidate (enterprise_id, trigger_kind, accident_ids, found_at, status)
                                VALUES (:e, :t, :ids, :at, 'CANDIDATE')""")
                        .param("e", enterpriseId).param("t", e.getValue().name()).param("ids", ids).param("at", OffsetDateTime.now(clock))
                        .update();
                audit.record("CREATE", "credit_candidate", enterpriseId, e.getValue() + " " + ids, null, null);
                raised++;
            }
        }
        return raised;
    }

    /** The candidates the scope reads: open ones first, then by when they were found. */
    @Transactional(readOnly = true)
    public List<Candidate> list(String status, DataScope scope) {
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        Where where = visible.where().and("c.status = :status", "status", status);
        List<Candidate> rows = new ArrayList<>();
        var spec = jdbc.sql("""
                SELECT c.*, e.name AS enterprise_name, r.name AS county_name FROM accident_credit_candidate c
                JOIN directory_enterprise_view e ON e.id = c.enterprise_id JOIN directory_region_view r ON r.id = e.county_id""" + where.sql()
                + " ORDER BY CASE WHEN c.status = 'CANDIDATE' THEN 0 ELSE 1 END, c.found_at DESC, c.id DESC LIMIT 500")
                .params(where.params());
        spec.query(rs -> {
            rows.add(new Candidate(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                    rs.getString("county_name"), Trigger.valueOf(rs.getString("trigger_kind")), codes(rs.getString("accident_ids")),
                    rs.getObject("found_at", OffsetDateTime.class), rs.getString("status"), rs.getString("decided_by"),
                    rs.getString("reason"), rs.getObject("listed_until", LocalDate.class)));
        });
        return rows;
    }

    private String codes(String ids) {
        List<Long> list = Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
        return String.join("、", jdbc.sql("SELECT code FROM accident WHERE id IN (:ids) ORDER BY occurred_at").param("ids", list)
                .query(String.class).list());
    }

    /** The city office confirms the candidate (listed until the configured years from today) or dismisses it; a reason either way. */
    public void decide(long id, boolean confirm, String reason, CurrentUser user) {
        user.require(Permission.CREDIT_DECIDE);
        String status = jdbc.sql("SELECT status FROM accident_credit_candidate WHERE id = :id").param("id", id).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("credit candidate", id));
        if (!"CANDIDATE".equals(status)) {
            throw new BusinessException("credit.decided.already");
        }
        String why = Texts.reason(reason, 500, "credit.reason.required");
        LocalDate until = confirm ? LocalDate.now(clock).plusYears(listingYears) : null;
        jdbc.sql("""
                        UPDATE accident_credit_candidate SET status = :s, decided_by = :by, decided_at = :at, reason = :r, listed_until = :u,
                               version = version + 1 WHERE id = :id AND status = 'CANDIDATE'""")
                .param("s", confirm ? "LISTED" : "DISMISSED").param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .param("r", why).param("u", until).param("id", id).update();
        audit.record(confirm ? "CONFIRM" : "DISMISS", "credit_candidate", id, why, Map.of("status", status),
                Map.of("status", confirm ? "LISTED" : "DISMISSED"));
    }
}
