package org.anquan.platform.audit;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** Filters of the audit page; all optional. Bound from the query string. */
public record AuditQuery(String actor, String action, String entityType, String entityId,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
}
