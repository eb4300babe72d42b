package org.anquan.hazards.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The parameters any hazard action may take; each action reads the ones it needs. */
record HazardActionForm(Integer version, String reason, Long duplicateOf,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, String person, String phone,
                        Long departmentId, Long countyId, Boolean onSite, String note, String planMeasures,
                        BigDecimal planFunds, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate planDeadline,
                        String planOwner, String planEmergency) {
}
