package org.anquan.hazards;

/** Open, overdue, open major and awaiting-acceptance counts of a scope. */
public record HazardSummary(long open, long overdue, long majorOpen, long submitted) {
}
