package org.anquan.supervision.escalation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The responsible department or county answers a supervision notice. */
@Service
class StepAnswers {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ScopeFilter scopes;

    StepAnswers(JdbcClient jdbc, AuditTrail audit, Clock clock, ScopeFilter scopes) {
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void answer(long stepId, String answer, CurrentUser user) {
        user.require(Permission.SUPERVISION_ANSWER);
        Map<String, Object> step = jdbc.sql("SELECT level, department_id, county_id, answer FROM supervision_step WHERE id = :id")
                .param("id", stepId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("step", stepId));
        DataScope scope = user.scope();
        var subject = new ScopeFilter.Subject(((Number) step.get("county_id")).longValue(),
                ((Number) step.get("department_id")).longValue(), null, null);
        if (!scopes.reaches(scope, subject, ScopeFilter.Mode.ACT)) {
            throw new ScopeDeniedException("supervision_step", stepId);
        }
        if (answer == null || answer.isBlank()) {
            throw new InvalidInputException(Map.of("answer", "validation.required"));
        }
        if (answer.length() > 2000) {
            throw new InvalidInputException(Map.of("answer", "validation.too.long"));
        }
        int n = jdbc.sql("UPDATE supervision_step SET answer = :a, answered_by = :by, answered_at = :at WHERE id = :id AND answer IS NULL")
                .param("a", answer.trim()).param("by", user.username()).param("at", OffsetDateTime.now(clock)).param("id", stepId)
                .update();
        if (n == 0) {
            throw new BusinessException("step.already.answered");
        }
        audit.record("ANSWER", "supervision_step", stepId, answer.length() > 200 ? answer.substring(0, 200) : answer, null, null);
    }
}
