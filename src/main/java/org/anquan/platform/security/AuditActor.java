package org.anquan.platform.security;

import org.anquan.platform.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** Tells the audit trail who is acting: the authenticated user, or "system". */
@Component
class AuditActor implements AuditTrail.Actor {

    @Override
    public String name() {
        return CurrentUsers.actorName();
    }
}
