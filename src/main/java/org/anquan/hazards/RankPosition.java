package org.anquan.hazards;

/** Where a county or department stands in this year's closure-rate ranking. */
public record RankPosition(int position, int of, String closureRate, long overdue) {
}
