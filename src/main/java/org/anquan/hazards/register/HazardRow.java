package org.anquan.hazards.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** One line of the hazard register. */
record HazardRow(long id, String code, HazardSource source, String enterpriseName, String place,
                        String industryName, String description, HazardGrade grade, HazardStatus status,
                        String departmentName, String countyName, LocalDate deadline, OffsetDateTime reportedAt,
                        OffsetDateTime closedAt, int version) {

    public Long daysLeft(LocalDate today) {
        return deadline == null ? null : ChronoUnit.DAYS.between(today, deadline);
    }

    public boolean overdue(LocalDate today) {
        return status.open() && deadline != null && deadline.isBefore(today);
    }
}
