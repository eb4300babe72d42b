package org.anquan.supervision.escalation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.anquan.hazards.HazardClosed;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes of supervision steps: every step of a hazard without one becomes RECTIFIED when the
 * hazard is closed; the city office records the others (an interview held, a case transferred).
 */
@Service
class StepOutcomes {

    static final int MAX_NOTE = 300;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    StepOutcomes(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(HazardClosed event) {
        jdbc.sql("UPDATE supervision_step SET outcome_kind = 'RECTIFIED', outcome_at = :at, outcome_by = :by "
                        + "WHERE hazard_id = :h AND outcome_kind IS NULL")
                .param("at", event.closedAt()).param("by", event.acceptedBy()).param("h", event.hazardId()).update();
    }

    @Transactional
    public void record(long stepId, StepOutcome kind, String note, CurrentUser user) {
        user.require(Permission.SUPERVISION_OUTCOME);
        if (jdbc.sql("SELECT COUNT(*) FROM supervision_step WHERE id = :id").param("id", stepId).query(Long.class).single() == 0) {
            throw new NotFoundException("step", stepId);
        }
        if (kind == null || kind == StepOutcome.RECTIFIED) {
            throw new InvalidInputException(Map.of("kind", "step.outcome.kind.required"));
        }
        if (note == null || note.isBlank()) {
            throw new InvalidInputException(Map.of("note", "step.outcome.note.required"));
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidInputException(Map.of("note", "step.outcome.note.too.long"));
        }
        int n = jdbc.sql("UPDATE supervision_step SET outcome_kind = :k, outcome = :note, outcome_at = :at, outcome_by = :by "
                        + "WHERE id = :id AND outcome_kind IS NULL")
                .param("k", kind.name()).param("note", note.trim()).param("at", OffsetDateTime.now(clock))
                .param("by", user.username()).param("id", stepId).update();
        if (n == 0) {
            throw new BusinessException("step.outcome.already");
        }
        audit.record("OUTCOME", "supervision_step", stepId, kind.name() + ": " + note.trim(), null, null);
    }
}
