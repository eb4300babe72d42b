package org.anquan.accidents.investigation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anquan.accidents.reporting.AccidentService;
import org.anquan.hazards.Finding;
import org.anquan.hazards.HazardClosed;
import org.anquan.hazards.Hazards;
import org.anquan.hazards.Origin;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investigation report's recommendations (防范和整改措施建议) as tracked corrective measures: each
 * with the unit and person who own it and a deadline, completed with a note, late when open past its
 * deadline. One may open a hazard in the register; when that hazard is closed the measure is done.
 * The 四不放过 gate "corrective measures carried out" is met only when every one is done.
 */
@Service
@Transactional
public class Recommendations {

    public record Recommendation(long id, long accidentId, String measure, String ownerUnit, String ownerPerson, LocalDate deadline,
                                 String status, String doneNote, LocalDate doneOn, Long hazardId, String hazardCode) {
        public boolean done() {
            return "DONE".equals(status);
        }

        public boolean late(LocalDate today) {
            return done() ? doneOn.isAfter(deadline) : today.isAfter(deadline);
        }
    }

    private final JdbcClient jdbc;
    private final AccidentService accidents;
    private final Hazards hazards;
    private final AuditTrail audit;
    private final Clock clock;

    Recommendations(JdbcClient jdbc, AccidentService accidents, Hazards hazards, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accidents = accidents;
        this.hazards = hazards;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Recommendation> of(long accidentId) {
        return jdbc.sql("SELECT * FROM accident_recommendation WHERE accident_id = :a ORDER BY deadline, id").param("a", accidentId)
                .query((rs, n) -> new Recommendation(rs.getLong("id"), rs.getLong("accident_id"), rs.getString("measure"),
                        rs.getString("owner_unit"), rs.getString("owner_person"), rs.getObject("deadline", LocalDate.class),
                        rs.getString("status"), rs.getString("done_note"), rs.getObject("done_on", LocalDate.class),
                        (Long) rs.getObject("hazard_id", Long.class), rs.getString("hazard_code")))
                .list();
    }

    /** A recommendation of the submitted investigation report becomes a measure with its owner and deadline. */
    public long add(long accidentId, String measure, String ownerUnit, String ownerPerson, LocalDate deadline, CurrentUser user) {
        var a = accidents.forClosing(accidentId, user);
        boolean reported = jdbc.sql("SELECT COUNT(*) FROM accident_investigation WHERE accident_id = :a AND report_on IS NOT NULL")
                .param("a", accidentId).query(Long.class).single() > 0;
        if (!reported) {
            throw new BusinessException("recommendation.no.report");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.required(errors, "measure", measure, 500, "validation.required");
        Texts.required(errors, "ownerUnit", ownerUnit, 200, "validation.required");
        Texts.required(errors, "ownerPerson", ownerPerson, 50, "validation.required");
        if (deadline == null) {
            errors.put("deadline", "validation.required");
        } else if (deadline.isBefore(LocalDate.now(clock))) {
            errors.put("deadline", "deadline.past");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO accident_recommendation (accident_id, measure, owner_unit, owner_person, deadline, status, recorded_by,
                                                             recorded_at)
                        VALUES (:a, :m, :u, :p, :d, 'OPEN', :by, :at)""")
                .param("a", accidentId).param("m", measure.trim()).param("u", ownerUnit.trim()).param("p", ownerPerson.trim())
                .param("d", deadline).param("by", user.username()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "accident_recommendation", id, a.code() + " " + measure.trim(), null,
                Map.of("ownerUnit", ownerUnit.trim(), "ownerPerson", ownerPerson.trim(), "deadline", deadline.toString()));
        return id;
    }

    /** The measure is carried out: what was done, today. */
    public void complete(long accidentId, long id, String note, CurrentUser user) {
        var a = accidents.forClosing(accidentId, user);
        Recommendation r = open(accidentId, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.required(errors, "note", note, 500, "validation.required");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        markDone(r.id(), note.trim());
        audit.record("COMPLETE", "accident_recommendation", id, a.code() + " " + r.measure(), null, Map.of("note", note.trim()));
    }

    /** Opens a hazard in the register for the measure, at the accident's enterprise or place; the measure is done when it closes. */
    public Hazards.Opened openHazard(long accidentId, long id, CurrentUser user) {
        var a = accidents.forClosing(accidentId, user);
        Recommendation r = open(accidentId, id);
        if (r.hazardId() != null) {
            throw new BusinessException("recommendation.hazard.already");
        }
        var opened = hazards.openFrom(new Origin("accidents", "recommendation", r.id()), Finding.inspection(a.enterpriseId(), a.place(),
                a.countyId(), a.industryCode(), r.measure() + "（" + a.code() + "事故调查报告建议）", r.deadline(), r.ownerPerson(),
                a.code() + "事故调查报告建议"), user);
        jdbc.sql("UPDATE accident_recommendation SET hazard_id = :h, hazard_code = :c, version = version + 1 WHERE id = :id")
                .param("h", opened.id()).param("c", opened.code()).param("id", id).update();
        audit.record("HAZARD", "accident_recommendation", id, a.code() + " → " + opened.code(), null, null);
        return opened;
    }

    /** A hazard opened for a measure was closed: the measure is done. */
    @ApplicationModuleListener
    public void on(HazardClosed closed) {
        if (closed.origin() != null && !closed.origin().isOf("accidents", "recommendation")) {
            return;
        }
        List<Long> ids = jdbc.sql("SELECT id FROM accident_recommendation WHERE hazard_id = :h AND status = 'OPEN'")
                .param("h", closed.hazardId()).query(Long.class).list();
        for (long id : ids) {
            markDone(id, closed.code() + "已销号");
            audit.record("COMPLETE", "accident_recommendation", id, closed.code() + " closed", null, null);
        }
    }

    private void markDone(long id, String note) {
        jdbc.sql("UPDATE accident_recommendation SET status = 'DONE', done_note = :n, done_on = :on, version = version + 1 WHERE id = :id")
                .param("n", note).param("on", LocalDate.now(clock)).param("id", id).update();
    }

    private Recommendation open(long accidentId, long id) {
        Recommendation r = of(accidentId).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("recommendation", id));
        if (r.done()) {
            throw new BusinessException("recommendation.done.already");
        }
        return r;
    }
}
