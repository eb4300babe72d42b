package org.anquan.emergency;

import java.time.LocalDate;

/** A county's fire danger of a day reached a warning level (3-5); published in the transaction that computed it. */
public record FireDangerWarned(long warningId, long countyId, LocalDate day, int level, double fwi) {
}
