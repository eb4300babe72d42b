package org.anquan.platform.web;

import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.stereotype.Component;

/** Writes every refusal caused by the data scope to the audit trail, in a transaction of its own. */
@Component
class ScopeDenials {

    private final AuditTrail audit;

    ScopeDenials(AuditTrail audit) {
        this.audit = audit;
    }

    void recordIfDenied(NotFoundException e) {
        if (e instanceof ScopeDeniedException denied) {
            audit.recordAlone(CurrentUsers.actorName(), "SCOPE_DENIED", denied.entityType(), denied.entityId(),
                    "outside data scope");
        }
    }
}
