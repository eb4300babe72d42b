package org.anquan.platform.audit;

import java.time.OffsetDateTime;

/** One link in the audit chain. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
                         String entityId, String summary, String beforeState, String afterState,
                         String remoteAddr, String prevHash, String hash) {
}
