package org.anquan.hazards.register;

import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The parameters any hazard action may take; each action reads the ones it needs. */
record HazardActionForm(Integer version, @Size(max = 300) String reason, Long duplicateOf,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, @Size(max = 50) String person,
                        @Size(max = 32) String phone, Long departmentId, Long countyId, Boolean onSite,
                        @Size(max = 1000) String note, @Size(max = 2000) String planMeasures,
                        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal planFunds,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate planDeadline,
                        @Size(max = 50) String planOwner, @Size(max = 2000) String planEmergency,
                        HazardGrade grade,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate acceptanceDate,
                        @Size(max = 200) String inspectors, @Size(max = 2000) String findings,
                        @Size(max = 300) String planFundsNote,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stopOn, @Size(max = 1000) String application,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewOn, @Size(max = 1000) String reviewNote,
                        Boolean approved, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate workersOn) {
}
