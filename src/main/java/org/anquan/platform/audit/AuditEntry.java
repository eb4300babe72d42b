package org.anquan.platform.audit;

import java.time.OffsetDateTime;

/** One link in the audit chain, sealed with the key of {@code keyId} (none for records written before the chain was keyed). */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
                         String entityId, String summary, String beforeState, String afterState,
                         String remoteAddr, String prevHash, String hash, String keyId) {
}
